# Shared settings of parley's plot scripts. parley plot checks the CSV,
# writes the rows each script draws to a data file of its own (the layout is
# at the top of each script) and runs gnuplot, without a shell, with these
# variables (gnuplot -e); the scripts run no shell command.
#   csv   the data file prepared by parley plot
#   out   the image to write; its extension picks the terminal (.svg or .png)
#   title the plot's title (parley plot: the scenario title from the CSV)
#   subtitle  an optional second line (a sweep: the proposal whose terms vary)
if (!exists("csv")) { print "usage: parley plot FILE.csv --out FILE.svg"; exit status 2 }
if (!exists("out")) { out = csv[1:strlen(csv)-4] . ".svg" }
if (out[strlen(out)-3:] eq ".png") {
  set terminal png size 1000,650 font ",11" enhanced
} else {
  set terminal svg size 1000,650 font "sans,13" enhanced background rgb "white"
}
set output out
set datafile separator ","
if (!exists("title")) { title = "" }
# The label is in the title area of every plot, and again in the footer.
if (!exists("subtitle")) { subtitle = "" }
set title title . (strlen(subtitle) > 0 ? "\n" . subtitle : "") . "\nHYPOTHETICAL — model output from the stated assumptions; not a prediction." noenhanced
# Every picture carries the label.
set label 99 "HYPOTHETICAL — model output from the stated assumptions; not a prediction." \
    at screen 0.01, screen 0.02 left font ",10" textcolor rgb "#8b0000" noenhanced
set bmargin 5
# Colour-blind-safe line colours (Okabe-Ito), none of them black: black is P(deal).
set linetype 1 lc rgb "#0072B2" lw 2
set linetype 2 lc rgb "#D55E00" lw 2
set linetype 3 lc rgb "#009E73" lw 2
set linetype 4 lc rgb "#CC79A7" lw 2
set linetype 5 lc rgb "#E69F00" lw 2
set linetype 6 lc rgb "#56B4E9" lw 2
set linetype 7 lc rgb "#F0E442" lw 2
set linetype 8 lc rgb "#999999" lw 2
set linetype cycle 8

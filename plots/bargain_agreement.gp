# P(agreement by round t) of the bargaining game (parley bargain --format csv):
# the cumulative share of draws that agreed by each round, with its 95% band.
# Data (parley plot): round,p,ci95_low,ci95_high; rounds is their number.
load "common.gp"
set xlabel "round t"
set ylabel "P(agreement by round t): mean and 95% interval"
set yrange [0:1]
set xrange [0.5:rounds + 0.5]
if (rounds <= 20) { set xtics 1 }
set grid
set key bottom right
# Markers only while they can be told apart.
curve = rounds <= 60 ? "linespoints pt 7 ps 0.8" : "lines"
plot csv using 1:3:4 with filledcurves fillstyle transparent solid 0.2 noborder lc rgb "#0072B2" title "95% interval", \
     csv using 1:2 with @curve lw 3 lc rgb "#0072B2" title "P(agreement by round t)"

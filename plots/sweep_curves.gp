# Acceptance curves of a 1-D sweep (parley sweep --vary ISSUE=LO:HI:STEPS
# --format csv): one line per actor with its 95% band, and P(deal) in black.
# Data (parley plot): block 0 is P(deal), block k the acceptance of the k-th
# word of actors; each line x,mean,ci95_low,ci95_high. issue names x.
load "common.gp"
set xlabel issue noenhanced
set ylabel "probability (mean and 95% interval)"
set yrange [0:1]
set key outside right top noenhanced
set grid
n = words(actors)
plot for [k=1:n] csv index k using 1:3:4 with filledcurves fillstyle transparent solid 0.15 noborder notitle, \
     for [k=1:n] csv index k using 1:2 with lines linewidth 2 title word(actors, k), \
     csv index 0 using 1:3:4 with filledcurves fillstyle transparent solid 0.25 noborder lc rgb "black" notitle, \
     csv index 0 using 1:2 with lines linewidth 4 lc rgb "black" title "P(deal)"

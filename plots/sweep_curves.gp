# Acceptance curves of a 1-D sweep (parley sweep --vary ISSUE=LO:HI:STEPS
# --format csv): one line per actor with its 95% band, and P(deal) in black.
load "common.gp"
issue = system(sprintf("sed -n 2p '%s' | cut -d, -f1", csv))
actors = system(sprintf("awk -F, 'NR > 2 && $2 == \"accept\" && !seen[$3]++ { printf \"%%s \", $3 }' '%s'", csv))
set xlabel issue noenhanced
set ylabel "probability (mean and 95% interval)"
set yrange [0:1]
set key outside right top noenhanced
set grid
rows(m, a) = sprintf("< awk -F, 'NR > 2 && $2 == \"%s\" && $3 == \"%s\"' '%s'", m, a, csv)
plot for [a in actors] rows("accept", a) using 1:6:7 with filledcurves fillstyle transparent solid 0.15 noborder notitle, \
     for [a in actors] rows("accept", a) using 1:4 with lines linewidth 2 title a, \
     rows("deal", "") using 1:6:7 with filledcurves fillstyle transparent solid 0.25 noborder lc rgb "black" notitle, \
     rows("deal", "") using 1:4 with lines linewidth 4 lc rgb "black" title "P(deal)"

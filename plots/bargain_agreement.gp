# P(agreement by round t) of the bargaining game (parley bargain --format csv):
# the cumulative share of draws that agreed by each round, with its 95% band.
load "common.gp"
rows = sprintf("< awk -F, 'NR > 2 && $1 == \"agreement_by_round\"' '%s'", csv)
rounds = int(system(sprintf("awk -F, 'NR > 2 && $1 == \"agreement_by_round\"' '%s' | wc -l", csv)))
set xlabel "round t"
set ylabel "P(agreement by round t): mean and 95% interval"
set yrange [0:1]
set xrange [0.5:rounds + 0.5]
if (rounds <= 20) { set xtics 1 }
set grid
set key bottom right
# Markers only while they can be told apart.
curve = rounds <= 60 ? "linespoints pt 7 ps 0.8" : "lines"
plot rows using 2:7:8 with filledcurves fillstyle transparent solid 0.2 noborder lc rgb "#0072B2" title "95% interval", \
     rows using 2:5 with @curve lw 3 lc rgb "#0072B2" title "P(agreement by round t)"

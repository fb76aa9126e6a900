# Sobol indices with bootstrap 95% intervals (parley sobol --format csv): the
# 15 largest total-order indices, first order beside them.
load "common.gp"
set ylabel "share of Var[P(deal | theta)]"
set yrange [0:1]
set xtics rotate by 35 right noenhanced
set style fill solid 0.7
set grid y
set key top right
set bmargin 13
set lmargin 22
set xrange [-0.6:*]
set offsets 0, 0.6, 0, 0
# x:y:ylow:yhigh:width
# Data (parley plot): the rows of the CSV, largest total index first.
plot csv every ::0::14 using ($0 - 0.18):2:3:4:(0.35) with boxerrorbars lc rgb "#6baed6" title "S1 (first order)", \
     csv every ::0::14 using ($0 + 0.18):5:6:7:(0.35):xtic(1) with boxerrorbars lc rgb "#08519c" title "ST (total order)"

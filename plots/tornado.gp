# Tornado bars (parley tornado --format csv): P(deal) with each input at its
# 5% and 95% quantile, the 15 largest swings.
load "common.gp"
set datafile separator ","
set xlabel "P(deal) with the input at its 5% (blue end) and 95% (red end) quantile"
set ytics nomirror noenhanced
set yrange [-15:1]
set style fill solid 0.6
set grid x
unset key
set lmargin 52
# Data (parley plot): the rows of the CSV, largest swing first.
plot csv every ::0::14 using (($2 + $3) / 2):(-$0):(abs($3 - $2) / 2):(0.35):ytic(1) with boxxyerror lc rgb "#9ecae1", \
     csv every ::0::14 using 2:(-$0) with points pt 7 ps 1 lc rgb "#2171b5", \
     csv every ::0::14 using 3:(-$0) with points pt 7 ps 1 lc rgb "#cb181d"

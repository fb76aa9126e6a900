# Where the agreed terms land (parley bargain --format csv), one column per
# issue on a common 0..1 scale (0 = the low end of the issue's range, 1 = the
# high end): the 5-95% range as a bar, the median as a dash across it, the
# mean as a dot and the starting proposal as an open square.
load "common.gp"
# Data (parley plot): one line per issue with final terms,
# id,lo,hi,start,mean,q05,q50,q95, the terms on the issue's 0..1 scale;
# agreed is the number of such issues.
issues = csv
set ylabel "final term, 0 = low end of the issue's range, 1 = high end"
set yrange [-0.05:1.05]
set xtics rotate by 30 right noenhanced
set grid y
set key outside right top vertical
set bmargin 10
# Room for the first rotated issue label.
set lmargin 16
if (agreed == 0) {
  set label 1 "No draw reached agreement: there are no final terms." at graph 0.5, graph 0.5 center
  set xrange [0:1]
  unset xtics
  plot NaN notitle
} else {
  set xrange [-0.6:agreed - 0.4]
  label(col1, col2, col3) = sprintf("%s [%s, %s]", col1, col2, col3)
  plot issues using 0:7:6:8:xtic(label(stringcolumn(1), stringcolumn(2), stringcolumn(3))) \
           with yerrorbars pt -1 lw 2 lc rgb "#0072B2" title "5-95%", \
       issues using 0:7:(0.12):(0.006) with boxxyerror fillstyle solid 1.0 lc rgb "#0072B2" title "median", \
       issues using 0:5 with points pt 7 ps 1.2 lc rgb "#D55E00" title "mean", \
       issues using 0:4 with points pt 4 ps 1.4 lc rgb "#444444" title "starting proposal"
}

# Heatmap of P(deal) over a 2-D sweep (parley sweep --vary A=... --vary B=...
# --format csv), with contour lines.
# Data (parley plot): x,y,P(deal), a blank line whenever x changes (grid
# scans); xissue and yissue name the axes.
load "common.gp"
grid = csv
set xlabel xissue noenhanced
set ylabel yissue noenhanced
set cblabel "P(deal)"
set cbrange [0:*]
set view map
# Room above the map for the title's three lines: splot places a title
# inside the top of the graph unless moved up.
set tmargin 5
set title offset 0, 3
set palette defined (0 "#f7fbff", 0.5 "#6baed6", 1 "#08306b")
set contour base
set cntrparam levels auto 8
set cntrlabel onecolor
unset key
# with image: one cell per grid point, coloured by its own value.
splot grid using 1:2:3 with image notitle, \
      grid using 1:2:3 with lines nosurface lc rgb "#222222" lw 1.5 notitle

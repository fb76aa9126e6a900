# Heatmap of P(deal) over a 2-D sweep (parley sweep --vary A=... --vary B=...
# --format csv), with contour lines.
load "common.gp"
xissue = system(sprintf("sed -n 2p '%s' | cut -d, -f1", csv))
yissue = system(sprintf("sed -n 2p '%s' | cut -d, -f2", csv))
# P(deal) rows, a blank line whenever the first issue changes (grid scans).
grid = sprintf("< awk -F, 'NR > 2 && $3 == \"deal\" { if (NR > 3 && $1 != p) print \"\"; p = $1; print $1 \",\" $2 \",\" $5 }' '%s'", csv)
set xlabel xissue noenhanced
set ylabel yissue noenhanced
set cblabel "P(deal)"
set cbrange [0:*]
set view map
set palette defined (0 "#f7fbff", 0.5 "#6baed6", 1 "#08306b")
set contour base
set cntrparam levels auto 8
set cntrlabel onecolor
unset key
# `with image`: one cell per grid point, coloured by its own value.
splot grid using 1:2:3 with image notitle, \
      grid using 1:2:3 with lines nosurface lc rgb "#222222" lw 1.5 notitle

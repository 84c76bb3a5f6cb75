/* Replaces pydata-sphinx-theme's fontawesome.js (1.45 MB), which redrew the theme's few
   icons as SVG: the theme's stylesheet already draws them with the Font Awesome web font. */

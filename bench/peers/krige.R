#!/usr/bin/env Rscript
# gstat peer of the kriging workload: ordinary kriging (global neighbourhood) of the 117 soil points onto an N x N grid
# of pixel centres with the fixed spherical model in krige_model.json, prediction and kriging variance.
# Writes PREFIX.pred.f64 / PREFIX.var.f64 (row-major float64, north row first) for the 1e-8 comparison.
# Usage: Rscript krige.R DIR N [PREFIX]
suppressPackageStartupMessages({ library(gstat); library(sp); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; n <- as.integer(args[2]); prefix <- if (length(args) > 2) args[3] else NA
m <- fromJSON(file.path(dir, "krige_model.json"))
pts <- read.csv(file.path(dir, "soil_points.csv"))
t <- system.time({
  px <- m$extent / n
  xc <- m$origin_x + (seq_len(n) - 0.5) * px
  yc <- m$origin_y - (seq_len(n) - 0.5) * px
  grid <- data.frame(x = rep(xc, times = n), y = rep(yc, each = n))
  k <- krige(z ~ 1, locations = ~x + y, data = pts, newdata = grid,
             model = vgm(m$psill, m$model, m$range, m$nugget), debug.level = 0)
})
if (!is.na(prefix)) {
  writeBin(k$var1.pred, paste0(prefix, ".pred.f64"), size = 8)
  writeBin(k$var1.var, paste0(prefix, ".var.f64"), size = 8)
}
cat(sprintf('{"workload": "krige", "seconds": %.6f, "cpu_seconds": %.6f, "size": %d, "points": %d, "mean_pred": %.12f, "mean_var": %.12f}\n',
            t[["elapsed"]], t[["user.self"]] + t[["sys.self"]], n, nrow(pts), mean(k$var1.pred), mean(k$var1.var)))

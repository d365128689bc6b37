# Reference values for EcoNotebooks.Spatial (variogram, variogram fit, ordinary kriging).
# Run from this folder:  Rscript spatial.R   (R 4.2.2, gstat 2.1-0, sp 1.6-0, jsonlite)
# Writes spatial-points.csv, spatial-targets.csv (inputs shared with the C# tests) and spatial.json.
suppressPackageStartupMessages({ library(gstat); library(sp); library(jsonlite) })

# ---- Inputs: 117 points in a 10 km square with a spatially correlated field --------------------------------
# Simulated by Cholesky factor of an exponential covariance (partial sill 2, range parameter 1500 m) plus an
# independent nugget (sd 0.4) around a mean of 10. Coordinates rounded to 1 cm and values to 1e-4 so the CSV
# holds exactly the numbers used here.
set.seed(117)
n <- 117
x <- round(runif(n, 0, 10000), 2)
y <- round(runif(n, 0, 10000), 2)
D <- as.matrix(dist(cbind(x, y)))
C <- 2 * exp(-D / 1500)
z <- round(10 + drop(t(chol(C)) %*% rnorm(n)) + rnorm(n, sd = 0.4), 4)
pts <- data.frame(id = seq_len(n), x = x, y = y, z = z)
write.csv(pts, "spatial-points.csv", row.names = FALSE)
pts <- read.csv("spatial-points.csv")

# Targets: a 5 x 5 lattice, one point outside the data's bounding box, and one data location (exact interpolation).
tg <- expand.grid(x = seq(500, 9500, length.out = 5), y = seq(500, 9500, length.out = 5))
tg <- rbind(tg, data.frame(x = c(-1500, pts$x[7]), y = c(11000, pts$y[7])))
write.csv(tg, "spatial-targets.csv", row.names = FALSE)
tg <- read.csv("spatial-targets.csv")

vtab <- function(v) list(np = as.numeric(v$np), dist = v$dist, gamma = v$gamma)

# ---- Empirical variograms ------------------------------------------------------------------------------------
v_def <- variogram(z ~ 1, locations = ~x + y, data = pts)
v_cw  <- variogram(z ~ 1, locations = ~x + y, data = pts, cutoff = 4000, width = 250)
bb <- sqrt(diff(range(pts$x))^2 + diff(range(pts$y))^2)

# Lattice with distances exactly on bin edges (1, sqrt 2, 2, sqrt 5, sqrt 8, 3): checks (lower, upper] binning.
lat <- expand.grid(x = 0:3, y = 0:3)
lat$z <- c(1.5, 2.25, 0.5, 3, 2, 4.5, 1, 0, 2.75, 3.5, 1.25, 2, 5, 0.75, 1.5, 3.25)
v_lat <- variogram(z ~ 1, locations = ~x + y, data = lat, cutoff = 3, width = 1)
v_lat_def <- variogram(z ~ 1, locations = ~x + y, data = lat)

# ---- Variogram fits (fit.method = 7, weights N_j / h_j^2) --------------------------------------------------
# Initial values = gstat's own defaults for vgm(NA, model, NA, NA) (vgm_fill_na): psill = mean of the last 5
# gamma values, range = max(dist) / 3, nugget = mean of the first 3 gamma values.
init <- list(psill = mean(tail(v_def$gamma, 5)), range = max(v_def$dist) / 3, nugget = mean(head(v_def$gamma, 3)))
# fit.variogram with gstat's warnings recorded ("No convergence after 200 iterations" -> converged = FALSE).
fitw <- function(...) {
  w <- character(0)
  f <- withCallingHandlers(fit.variogram(...), warning = function(c) {
    w <<- c(w, conditionMessage(c)); invokeRestart("muffleWarning") })
  attr(f, "warn") <- w
  f
}
fits <- list()
for (m in c("Sph", "Exp", "Gau")) {
  f <- fitw(v_def, vgm(init$psill, m, init$range, init$nugget))
  f_na <- fit.variogram(v_def, vgm(NA, m, NA, NA))
  stopifnot(isTRUE(all.equal(f$psill, f_na$psill, tolerance = 0)))
  f2 <- fitw(v_def, vgm(1.5, m, 2000, 0.1))
  f3 <- fitw(v_cw, vgm(init$psill, m, init$range, init$nugget))
  one <- function(f, start, v) list(start = start, variogram = v,
    psill = f$psill[2], range = f$range[2], nugget = f$psill[1], sserr = attr(f, "SSErr"),
    singular = attr(f, "singular"), converged = !any(grepl("No convergence", attr(f, "warn"))),
    warnings = as.list(attr(f, "warn")))
  fits[[tolower(substr(m, 1, 3))]] <- list(
    default_start = one(f, init, "default"),
    custom_start = one(f2, list(psill = 1.5, range = 2000, nugget = 0.1), "default"),
    cutoff4000 = one(f3, init, "cutoff4000"),
    method1 = one(fitw(v_def, vgm(init$psill, m, init$range, init$nugget), fit.method = 1), init, "default"),
    method2 = one(fitw(v_def, vgm(init$psill, m, init$range, init$nugget), fit.method = 2), init, "default"),
    method6 = one(fitw(v_def, vgm(init$psill, m, init$range, init$nugget), fit.method = 6), init, "default"))
}

# Fitting only some parameters: nugget fixed (fit.sills = c(FALSE, TRUE)), range fixed (fit.ranges = FALSE).
for (m in c("Sph", "Exp")) {
  k <- tolower(m)
  f4 <- fitw(v_def, vgm(init$psill, m, init$range, 0.2), fit.sills = c(FALSE, TRUE))
  fits[[k]]$fixed_nugget <- one(f4, list(psill = init$psill, range = init$range, nugget = 0.2), "default")
  f5 <- fitw(v_def, vgm(init$psill, m, 2500, init$nugget), fit.ranges = FALSE)
  fits[[k]]$fixed_range <- one(f5, list(psill = init$psill, range = 2500, nugget = init$nugget), "default")
}

# ---- Ordinary kriging with fixed models (global neighbourhood) -----------------------------------------------
models <- list(
  sph = list(type = "Sph", psill = 1.8, range = 4000, nugget = 0.25),
  exp = list(type = "Exp", psill = 2.0, range = 1500, nugget = 0.15),
  gau = list(type = "Gau", psill = 1.6, range = 1800, nugget = 0.3),
  sph0 = list(type = "Sph", psill = 2.2, range = 3500, nugget = 0))
kr <- list()
for (k in names(models)) {
  m <- models[[k]]
  vg <- if (m$nugget > 0) vgm(m$psill, m$type, m$range, m$nugget) else vgm(m$psill, m$type, m$range)
  p <- krige(z ~ 1, locations = ~x + y, data = pts, newdata = tg, model = vg, debug.level = 0)
  kr[[k]] <- c(m, list(prediction = p$var1.pred, variance = p$var1.var))
}

# ---- What `econb krige` does without model parameters: default variogram, fit Sph from gstat defaults -------
cli <- list()
for (m in c("Sph", "Exp", "Gau")) {
  f <- fit.variogram(v_def, vgm(NA, m, NA, NA))
  p <- krige(z ~ 1, locations = ~x + y, data = pts, newdata = tg, model = f, debug.level = 0)
  cli[[tolower(m)]] <- list(psill = f$psill[2], range = f$range[2], nugget = f$psill[1],
                             prediction = p$var1.pred, variance = p$var1.var)
}

out <- list(
  gstat_version = as.character(packageVersion("gstat")),
  bbox_diagonal = bb,
  variograms = list(default = vtab(v_def), cutoff4000 = vtab(v_cw),
                    lattice = c(vtab(v_lat), list(z = lat$z)), lattice_default = vtab(v_lat_def)),
  fits = fits, kriging = kr, cli = cli)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(17), pretty = TRUE), "spatial.json")
print(v_def); print(fits$sph$default_start)

# More gstat references for EcoNotebooks.Spatial: six seeded data sets of different size, extent and range in UTM-like
# coordinates (x ~ 500 km, y ~ 4000 km), each fitted with Sph/Exp/Gau from gstat's default starting values
# (fit.variogram(v, vgm(NA, model, NA, NA))) and kriged at 10 random targets with the fitted model.
# Run from this folder:  Rscript spatial_datasets.R   (R 4.2.2, gstat 2.1-0, jsonlite) -> spatial_datasets.json
suppressPackageStartupMessages({ library(gstat); library(jsonlite) })
sets <- list()
for (s in 1:6) {
  set.seed(s * 31)
  n <- c(40, 80, 150, 60, 200, 25)[s]
  x <- round(runif(n, 500000, 500000 + 3000 * s), 3)
  y <- round(runif(n, 4e6, 4e6 + 2000 * s), 3)
  D <- as.matrix(dist(cbind(x, y)))
  C <- 3 * exp(-D / (300 * s))
  z <- round(50 + drop(t(chol(C + diag(1e-9, n))) %*% rnorm(n)) + rnorm(n, sd = 0.5), 5)
  d <- data.frame(x = x, y = y, val = z)
  tg <- data.frame(x = round(runif(10, min(x), max(x)), 3), y = round(runif(10, min(y), max(y)), 3))
  v <- variogram(val ~ 1, ~x + y, d)
  fits <- list()
  for (m in c("Sph", "Exp", "Gau")) {
    w <- character(0)
    f <- withCallingHandlers(fit.variogram(v, vgm(NA, m, NA, NA)),
      warning = function(c) { w <<- c(w, conditionMessage(c)); invokeRestart("muffleWarning") })
    k <- krige(val ~ 1, ~x + y, d, tg, f, debug.level = 0)
    fits[[tolower(m)]] <- list(psill = f$psill[2], range = f$range[2], nugget = f$psill[1],
      converged = !any(grepl("No convergence", w)), singular = attr(f, "singular"),
      prediction = k$var1.pred, variance = k$var1.var)
  }
  sets[[s]] <- list(x = x, y = y, z = z, target_x = tg$x, target_y = tg$y,
    variogram = list(np = as.numeric(v$np), dist = v$dist, gamma = v$gamma), fits = fits)
}
writeLines(toJSON(list(gstat_version = as.character(packageVersion("gstat")), datasets = sets),
  auto_unbox = TRUE, digits = I(15)), "spatial_datasets.json")

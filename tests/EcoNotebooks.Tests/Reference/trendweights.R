# Reference values for EcoNotebooks.Trends, .Weighting and .Classification.
# Run:  Rscript tests/EcoNotebooks.Tests/Reference/trendweights.R > tests/EcoNotebooks.Tests/Reference/trendweights.json
# R 4.2.2, classInt 0.4.9, jsonlite. Every input is printed into the JSON, so the C# tests use exactly these values.
# Kendall / trend / zyp are not packaged by Debian 12 (apt-cache search finds no r-cran-kendall / r-cran-trend), so the
# Mann-Kendall test is computed by hand below AND cross-checked with stats::cor.test(method = "kendall",
# exact = FALSE, continuity = TRUE/FALSE), whose normal approximation with time (untied) as x is exactly the MK test
# with the tie-corrected variance.
suppressPackageStartupMessages({ library(classInt); library(jsonlite) })

## ---------------------------------------------------------------- Mann-Kendall + Sen slope
mk_by_hand <- function(t, y, continuity = TRUE) {
  ok <- !is.na(y); t <- t[ok]; y <- y[ok]; n <- length(y)
  S <- 0
  for (i in 1:(n - 1)) for (j in (i + 1):n) S <- S + sign(y[j] - y[i])
  ties <- table(y); ties <- ties[ties > 1]
  varS <- (n * (n - 1) * (2 * n + 5) - sum(ties * (ties - 1) * (2 * ties + 5))) / 18
  cc <- if (continuity) 1 else 0
  Z <- if (S > 0) (S - cc) / sqrt(varS) else if (S < 0) (S + cc) / sqrt(varS) else 0
  p <- 2 * pnorm(-abs(Z))
  slopes <- c()
  for (i in 1:(n - 1)) for (j in (i + 1):n) slopes <- c(slopes, (y[j] - y[i]) / (t[j] - t[i]))
  ct <- if (varS > 0) suppressWarnings(cor.test(t, y, method = "kendall", exact = FALSE, continuity = continuity)) else NULL
  list(n = n, s = S, var_s = varS, z = Z, p = p, sen_slope = median(slopes),
       cortest_z = if (is.null(ct)) NA else unname(ct$statistic), cortest_p = if (is.null(ct)) NA else ct$p.value)
}

set.seed(20240601)
series <- list(
  list(id = "trend21", t = 2000:2020, y = round(0.5 + 0.01 * (0:20) + rnorm(21, 0, 0.03), 4)),
  list(id = "ties", t = 2001:2015, y = c(3, 4, 4, 5, 3, 6, 6, 6, 7, 5, 8, 8, 9, 7, 9)),
  list(id = "with_nan", t = 2000:2011, y = c(0.61, NA, 0.58, 0.55, NA, 0.57, 0.52, 0.50, 0.53, NA, 0.47, 0.46)),
  list(id = "four_years", t = 2021:2024, y = c(0.52, 0.61, 0.66, 0.70)),
  list(id = "decrease", t = 1990:2009, y = round(10 - 0.2 * (0:19) + rnorm(20, 0, 0.8), 3)),
  list(id = "lingbei_years", t = c(2000, 2005, 2010, 2016, 2020), y = c(0.695, 0.685, 0.664, 0.651, 0.657)),
  list(id = "flat_noise", t = 2001:2010, y = round(rnorm(10, 5, 1), 3)),
  list(id = "constant", t = 2001:2006, y = rep(2.5, 6))
)
mk <- lapply(series, function(s) {
  a <- mk_by_hand(s$t, s$y, TRUE); b <- mk_by_hand(s$t, s$y, FALSE)
  list(id = s$id, t = s$t, y = s$y, n = a$n, s = a$s, var_s = a$var_s, z = a$z, p = a$p, sen_slope = a$sen_slope,
       cortest_z = a$cortest_z, cortest_p = a$cortest_p, z_nocc = b$z, p_nocc = b$p, cortest_z_nocc = b$cortest_z)
})

## ---------------------------------------------------------------- classInt breaks
set.seed(7)
datasets <- list(
  random = round(rnorm(120, 0.6, 0.12), 4),
  ties = sample(c(1, 2, 2, 3, 5, 5, 5, 8, 9, 10, 14, 15), 60, replace = TRUE),
  skewed = round(rlnorm(150, 0, 1), 4),
  uniform = round(runif(400, 0, 100), 3)
)
breaks <- list()
for (nm in names(datasets)) for (k in c(3, 5, 7)) for (st in c("fisher", "jenks", "quantile", "equal")) {
  x <- datasets[[nm]]
  ci <- tryCatch(suppressWarnings(classIntervals(x, n = k, style = st)), error = function(e) NULL)
  if (is.null(ci)) next
  counts <- as.integer(classInt:::tableClassIntervals(findCols(ci), ci$brks, intervalClosure = attr(ci, "intervalClosure")))
  breaks[[length(breaks) + 1]] <- list(data = nm, k = k, style = st, returned_style = attr(ci, "style"),
                                       closure = attr(ci, "intervalClosure"), brks = ci$brks, counts = counts)
}
# randomised cases: 40 small data sets (normal, integer ties, exponential, coarse uniform, bimodal), k = 2..6
set.seed(123)
breaks_random <- list()
for (rep in 1:40) {
  n <- sample(c(8, 15, 30, 60), 1)
  x <- switch(rep %% 5 + 1, round(rnorm(n), 2), sample(1:8, n, replace = TRUE), round(rexp(n), 3), round(runif(n), 1),
              c(round(rnorm(n / 2, 0, 1), 1), round(rnorm(n / 2, 5, 1), 1)))
  for (k in 2:min(6, length(unique(x)))) for (st in c("fisher", "jenks", "quantile", "equal")) {
    ci <- suppressWarnings(classIntervals(x, n = k, style = st))
    breaks_random[[length(breaks_random) + 1]] <- list(x = x, k = k, style = st, returned_style = attr(ci, "style"), brks = ci$brks,
      counts = as.integer(classInt:::tableClassIntervals(findCols(ci), ci$brks, intervalClosure = attr(ci, "intervalClosure"))))
  }
}
# n equal to the number of distinct values: classInt switches to style "unique" (mid-points between values)
x_u <- c(1, 1, 2, 3, 3, 3, 7)
ci <- suppressWarnings(classIntervals(x_u, n = 4, style = "fisher"))
unique_case <- list(x = x_u, k = 4, returned_style = attr(ci, "style"), brks = ci$brks,
                    counts = as.integer(classInt:::tableClassIntervals(findCols(ci), ci$brks)))
# R's findInterval semantics used by classInt (left-closed, all.inside) on explicit breaks with a tie
fi_x <- c(0, 0.38, 0.39, 0.41, 0.5, 0.63, 0.7, 0.73, 0.9, 1)
fi_b <- c(0, 0.38, 0.41, 0.63, 0.73, 1)
find_interval <- list(x = fi_x, brks = fi_b, left = findInterval(fi_x, fi_b, all.inside = TRUE),
                      right = apply(array(apply(outer(fi_x, fi_b, ">"), 1, sum)), 1, max, 1))

## ---------------------------------------------------------------- AHP
RI <- c(0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59)
ahp_by_hand <- function(A) {
  n <- nrow(A)
  g <- apply(A, 1, function(r) prod(r)^(1 / n)); w <- g / sum(g)
  lmax <- mean((A %*% w) / w); ci <- if (n > 1) (lmax - n) / (n - 1) else 0
  cr <- if (RI[n] == 0) 0 else ci / RI[n]
  e <- eigen(A); i <- which.max(Re(e$values)); v <- Re(e$vectors[, i]); v <- v / sum(v)
  le <- Re(e$values[i]); ci_e <- (le - n) / (n - 1); cr_e <- if (RI[n] == 0) 0 else ci_e / RI[n]
  list(n = n, matrix = A, weights = w, lambda_max = lmax, ci = ci, cr = cr,
       eigen_weights = v, eigen_lambda_max = le, eigen_ci = ci_e, eigen_cr = cr_e)
}
recip <- function(upper, n) { A <- diag(n); k <- 1
  for (i in 1:(n - 1)) for (j in (i + 1):n) { A[i, j] <- upper[k]; A[j, i] <- 1 / upper[k]; k <- k + 1 }; A }
ahp <- list(
  ahp_by_hand(recip(c(3, 5, 2), 3)),
  ahp_by_hand(recip(c(2, 4, 6, 3, 5, 2), 4)),
  ahp_by_hand(recip(c(1/3, 3, 5, 7, 5, 7, 9, 3, 1/2, 2), 5)),
  ahp_by_hand(recip(c(4), 2)),
  ahp_by_hand(recip(c(2, 3, 5, 7, 2, 1/2, 3, 4, 5, 2, 3, 1/3, 2, 3, 1/5), 6))
)

## ---------------------------------------------------------------- objective weights, normalisation, composite index
set.seed(99)
m <- 12
raw <- cbind(round(runif(m, 10, 50), 2), round(rnorm(m, 100, 15), 1), round(rlnorm(m, 0, 0.7), 3), round(runif(m, 0, 1), 3))
direction <- c("positive", "negative", "positive", "negative")
norm <- raw
for (j in 1:ncol(raw)) {
  r <- range(raw[, j])
  norm[, j] <- if (direction[j] == "positive") (raw[, j] - r[1]) / diff(r) else (r[2] - raw[, j]) / diff(r)
}
sd_pop <- apply(norm, 2, function(v) sqrt(mean((v - mean(v))^2)))
sd_smp <- apply(norm, 2, sd)
w_sd_pop <- sd_pop / sum(sd_pop); w_sd_smp <- sd_smp / sum(sd_smp)
P <- sweep(norm, 2, colSums(norm), "/")
plogp <- ifelse(P > 0, P * log(P), 0)
e <- -colSums(plogp) / log(m); d <- 1 - e; w_entropy <- d / sum(d)
w_subj <- c(0.4, 0.3, 0.2, 0.1)
w_comb_mean <- (w_subj + w_sd_pop) / 2
w_comb_mult <- w_subj * w_sd_pop / sum(w_subj * w_sd_pop)
composite <- as.vector(norm %*% w_comb_mean)
weights <- list(raw = raw, direction = direction, normalised = norm, sd_population = sd_pop, sd_sample = sd_smp,
                w_sd_population = w_sd_pop, w_sd_sample = w_sd_smp, entropy = e, w_entropy = w_entropy,
                w_subjective = w_subj, w_combined_mean = w_comb_mean, w_combined_multiplicative = w_comb_mult,
                composite = composite)

out <- list(r_version = R.version.string, classInt_version = as.character(packageVersion("classInt")),
            mann_kendall = mk, breaks = breaks, breaks_random = breaks_random, unique_case = unique_case, find_interval = find_interval,
            ahp = ahp, weights = weights, datasets = datasets, saaty_ri = RI)
cat(toJSON(out, digits = I(17), auto_unbox = TRUE, pretty = TRUE, na = "null", matrix = "rowmajor"), "\n")

# Reference values for EcoNotebooks.Learning.RandomForestRegression (tests/EcoNotebooks.Tests/Learning/).
# Run from the repository root:  Rscript tests/EcoNotebooks.Tests/Reference/rf.R
# R 4.2.2, randomForest 4.7-1.1 (Debian r-cran-randomforest), jsonlite.
# Writes, next to this script:
#   rf-friedman.csv  Friedman #1 (1000 rows, x1..x10 ~ U(0,1), y = 10 sin(pi x1 x2) + 20 (x3 - 0.5)^2 + 10 x4 + 5 x5 + N(0,1));
#                    x6..x10 are pure noise. Values rounded to 4 decimals.
#   rf-changhe.csv   a synthetic stand-in for the Changhe design (1000 random points, 12 drivers, NPP target in
#                    gC m-2 yr-1): LD, MAT and MAP carry the largest non-linear effects, then SOC, TN, MAS, AK; AP, pH,
#                    BD, MAE weak; CF none. SYNTHETIC, not the paper's data.
#   rf.json          OOB MSE, OOB R^2 ("% Var explained"/100), importance(type = 1) (scaled %IncMSE), unscaled
#                    %IncMSE, importanceSD, importance(type = 2) (IncNodePurity) of
#                    randomForest(y ~ ., ntree = 500, importance = TRUE) on both data sets, plus the OOB R^2 of the same
#                    forest under 5 other seeds to show R's own seed-to-seed spread.
suppressPackageStartupMessages({ library(randomForest); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

# ---- Friedman #1 --------------------------------------------------------------------------------------------------
set.seed(20240601)
n <- 1000
X <- matrix(runif(n * 10), n, 10, dimnames = list(NULL, paste0("x", 1:10)))
y <- 10 * sin(pi * X[, 1] * X[, 2]) + 20 * (X[, 3] - 0.5)^2 + 10 * X[, 4] + 5 * X[, 5] + rnorm(n)
fried <- data.frame(round(X, 4), y = round(y, 4))
write.csv(fried, file.path(here, "rf-friedman.csv"), row.names = FALSE, quote = FALSE)

# ---- Changhe-like -------------------------------------------------------------------------------------------------
set.seed(20240602)
n <- 1000
z <- function(v) (v - mean(v)) / sd(v)
east <- runif(n)                                       # position west (0) to east (1)
LD  <- round(runif(n, 0, 4000), 1)                     # distance to the nearest mine (m)
MAT <- round(10.6 + 0.35 * rnorm(n) + 0.2 * (east - 0.5), 3)      # mean annual temperature (degC)
MAP <- round(575 + 14 * rnorm(n) + 6 * (east - 0.5), 2)           # mean annual precipitation (mm)
MAE <- round(1650 + 40 * rnorm(n), 1)                  # mean annual evaporation (mm)
MAS <- round(2300 + 60 * rnorm(n), 1)                  # mean annual sunshine (h)
CF  <- round(runif(n, 2, 30), 2)                       # coarse fragments (%)
SOC <- round(exp(log(9) + 0.35 * rnorm(n)), 3)         # soil organic carbon (g/kg)
TN  <- round(0.09 * SOC * exp(0.25 * rnorm(n)), 4)     # total nitrogen (g/kg), correlated with SOC
AP  <- round(exp(log(12) + 0.5 * rnorm(n)), 2)         # available phosphorus (mg/kg)
AK  <- round(exp(log(150) + 0.3 * rnorm(n)), 1)        # available potassium (mg/kg)
pH  <- round(8.1 + 0.25 * rnorm(n), 3)
BD  <- round(1.35 + 0.1 * rnorm(n), 3)                 # bulk density (g/cm3)
NPP <- 290 +
  70 * z(1 - exp(-LD / 800)) +                         # saturating recovery away from mines
  55 * z(-(MAT - 10.9)^2) +                            # hump-shaped temperature response
  45 * z(plogis((MAP - 570) / 8)) +                    # threshold-like precipitation response
  22 * z(log(SOC)) + 18 * z(sqrt(TN)) + 15 * z(-abs(MAS - 2300)) + 12 * z(log(AK)) +
  5 * z(log(AP)) + 6 * z(-(pH - 8.1)^2) + 5 * z(-BD) + 3 * z(MAE) +
  rnorm(n, 0, 25)
changhe <- data.frame(MAT, MAP, MAE, MAS, CF, SOC, TN, AP, AK, pH, BD, LD, NPP = round(NPP, 2))
write.csv(changhe, file.path(here, "rf-changhe.csv"), row.names = FALSE, quote = FALSE)

# ---- Forests (on the data as read back from the CSV files, exactly what the C# tests read) -------------------------
fit <- function(file, target, seed) {
  d <- read.csv(file.path(here, file))
  f <- as.formula(paste(target, "~ ."))
  set.seed(seed)
  rf <- randomForest(f, data = d, ntree = 500, importance = TRUE)
  imp1 <- importance(rf, type = 1)
  imp2 <- importance(rf, type = 2)
  spread <- sapply(1:5, function(s) { set.seed(seed + s); tail(randomForest(f, data = d, ntree = 500)$rsq, 1) })
  list(
    file = file, target = target, n = nrow(d), p = ncol(d) - 1, ntree = 500, mtry = rf$mtry, seed = seed,
    oob_mse = tail(rf$mse, 1), oob_rsq = tail(rf$rsq, 1),
    oob_rsq_other_seeds = unname(spread),
    importance = lapply(rownames(imp1), function(v) list(
      feature = v,
      inc_mse = unname(imp1[v, 1]),
      inc_mse_unscaled = unname(rf$importance[v, "%IncMSE"]),
      importance_sd = unname(rf$importanceSD[v]),
      inc_node_purity = unname(imp2[v, 1])
    )),
    top3_inc_mse = rownames(imp1)[order(-imp1[, 1])][1:3]
  )
}
out <- list(
  r_version = R.version.string,
  randomForest_version = as.character(packageVersion("randomForest")),
  friedman = fit("rf-friedman.csv", "y", 1),
  changhe = fit("rf-changhe.csv", "NPP", 2)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "rf.json"))
cat("OOB R2 friedman", out$friedman$oob_rsq, "changhe", out$changhe$oob_rsq, "\n")
cat("top3 friedman", out$friedman$top3_inc_mse, " changhe", out$changhe$top3_inc_mse, "\n")

#!/usr/bin/env Rscript
# R peer of the random-forest workload: randomForest(NPP ~ 12 drivers, ntree = 500, importance = TRUE) on the same
# 1,000-row Changhe design (rf_design.csv written by econb-bench prepare-changhe). Defaults as in the library:
# mtry = floor(12/3) = 4, nodesize = 5, bootstrap with replacement. Prints one JSON line like econb-bench.
# Usage: Rscript rf.R DIR [TREES]
suppressPackageStartupMessages(library(randomForest))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; trees <- if (length(args) > 1) as.integer(args[2]) else 500L
d <- read.csv(file.path(dir, "rf_design.csv"))
drivers <- c("MAT", "MAP", "MAE", "MAS", "CF", "SOC", "TN", "AP", "AK", "pH", "BD", "LD")
x <- d[, drivers]; y <- d$NPP
set.seed(1)
t <- system.time(rf <- randomForest(x, y, ntree = trees, importance = TRUE))
imp <- importance(rf, type = 1)
cat(sprintf('{"workload": "rf", "seconds": %.6f, "cpu_seconds": %.6f, "rows": %d, "trees": %d, "mtry": %d, "threads": 1, "oob_r2": %.10f, "oob_mse": %.6f, "top_importance": "%s"}\n',
            t[["elapsed"]], t[["user.self"]] + t[["sys.self"]], nrow(d), trees, rf$mtry, rf$rsq[trees], rf$mse[trees],
            rownames(imp)[which.max(imp[, 1])]))

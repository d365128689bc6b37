# Reference values for the Jiangcang pipeline tests (tests/EcoNotebooks.Tests/Pipelines/Jiangcang), computed with
# R 4.2.2 (stats, vegan) from the committed synthetic sample data-samples/jiangcang/*.csv.
# Run from the repository root:  Rscript tests/EcoNotebooks.Tests/Reference/jiangcang_pipeline.R > tests/EcoNotebooks.Tests/Reference/jiangcang_pipeline.json
suppressMessages({ library(jsonlite); library(vegan) })
d <- "data-samples/jiangcang"
soil <- read.csv(file.path(d, "soil.csv"))
quad <- read.csv(file.path(d, "quadrats.csv"))
sp <- read.csv(file.path(d, "species.csv"), check.names = FALSE)
out <- list()

# Fig. 7: one-way ANOVA and Tukey HSD per soil variable (treatments Pit5, Pit4, Pit2, Control).
soil$treatment <- factor(soil$treatment, levels = c("Pit5", "Pit4", "Pit2", "Control"))
anova_of <- function(y, g) {
  fit <- aov(y ~ g)
  a <- anova(fit)
  tk <- TukeyHSD(fit, conf.level = 0.95)[[1]]
  list(f = a$`F value`[1], p = a$`Pr(>F)`[1], pairs = rownames(tk), p_adj = unname(tk[, "p adj"]))
}
out$soil <- lapply(setNames(nm = c("BD", "SWC", "SOC", "pH", "TN", "TP", "TK", "EC", "clay", "silt", "sand")),
                   function(v) anova_of(soil[[v]], soil$treatment))
# Welch t tests restored pit vs control.
out$ttest <- lapply(setNames(nm = c("BD", "SWC", "SOC", "pH", "TN", "TP", "TK", "EC", "clay", "silt", "sand")), function(v) {
  ctl <- soil[[v]][soil$treatment == "Control"]
  r <- lapply(c("Pit5", "Pit4", "Pit2"), function(t) { x <- t.test(soil[[v]][soil$treatment == t], ctl); list(t = unname(x$statistic), df = unname(x$parameter), p = x$p.value) })
  x <- t.test(soil[[v]][soil$treatment != "Control"], ctl)
  c(r, list(list(t = unname(x$statistic), df = unname(x$parameter), p = x$p.value)))
})

# Fig. 9: pooled Pearson r and p for the 13 published pairs.
pairs <- list(c("SOM","TN"), c("SOM","SWC"), c("SWC","BGB"), c("SWC","VFC"), c("BD","SOM"), c("BD","SWC"), c("clay","SWC"),
              c("sand","TN"), c("AGB","TN"), c("BGB","TN"), c("AGB","SOM"), c("BGB","SOM"), c("VFC","SOM"))
out$pooled <- lapply(pairs, function(p) { ct <- cor.test(soil[[p[1]]], soil[[p[2]]]); list(a = p[1], b = p[2], r = unname(ct$estimate), p = ct$p.value) })
# Fig. 8: per-treatment r matrices of the 13 variables, and the edges |r| >= 0.7 and p < 0.05.
vars <- c("BD","SWC","SOM","pH","EC","TN","TP","TK","clay","sand","AGB","BGB","VFC")
out$edges <- lapply(setNames(nm = c("Pit5", "Pit4", "Pit2", "Control")), function(t) {
  s <- soil[soil$treatment == t, vars]; e <- c()
  for (i in 1:(length(vars) - 1)) for (j in (i + 1):length(vars)) {
    ct <- cor.test(s[[i]], s[[j]]); if (abs(ct$estimate) >= 0.7 && ct$p.value < 0.05) e <- c(e, paste(vars[i], vars[j], sep = "-"))
  }
  if (is.null(e)) character(0) else e
})

# Figs. 5-6: ANOVA of AGB and BGB across sampling points.
quad$point <- factor(quad$point)
out$agb <- anova_of(quad$agb_g_m2, quad$point)
out$bgb <- anova_of(quad$bgb_g_m2, quad$point)

# Tables 3-5: quadrats of Pit 5 and the background, pooled per habitat.
q <- quad[quad$region %in% c("Pit5", "Background"), ]
m <- as.matrix(sp[match(q$plot, sp$plot), -1])
pooled <- rowsum(m, q$habitat)
H <- diversity(pooled); S <- specnumber(pooled); N <- rowSums(pooled)
# Table 4: indices of each 1 m x 1 m quadrat, mean and sd per habitat; and of the pooled abundances.
Hq <- diversity(m); Sq <- specnumber(m); Nq <- rowSums(m)
Jq <- Hq / log(Sq); Dq <- (Sq - 1) / log(Nq)
out$diversity <- lapply(setNames(nm = rownames(pooled)), function(h) { r <- q$habitat == h
  list(shannon = mean(Hq[r]), shannon_sd = sd(Hq[r]), pielou = mean(Jq[r]), pielou_sd = sd(Jq[r]), margalef = mean(Dq[r]), margalef_sd = sd(Dq[r]),
       shannon_pooled = unname(H[h]), pielou_pooled = unname(H[h] / log(S[h])), margalef_pooled = unname((S[h] - 1) / log(N[h])), species = unname(S[h])) })
pa <- 1 * (pooled > 0)
sor <- 1 - as.matrix(vegdist(pa, method = "bray", binary = TRUE))
out$sorensen <- list(areas = rownames(sor), values = unname(sor))
out$table3 <- lapply(setNames(nm = rownames(pooled)), function(h) { r <- q$habitat == h
  list(cover_mean = mean(q$cover_pct[r]), cover_sd = sd(q$cover_pct[r]), height_mean = mean(q$height_cm[r]),
       crown_sd = sd(q$crown_width_cm[r]), abundance_mean = mean(rowSums(m[r, , drop = FALSE])), abundance_sd = sd(rowSums(m[r, , drop = FALSE]))) })
cat(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "\n")

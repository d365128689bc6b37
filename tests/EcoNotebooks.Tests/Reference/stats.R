# Reference values for EcoNotebooks.Community and EcoNotebooks.Statistics.
# Run from this folder:  Rscript stats.R > stats.json   (R 4.2.2, vegan 2.6-4, multcomp 1.4, jsonlite)
# Inputs: community.csv, anova.csv, correlation.csv (committed next to this script) and the vectors written below.
# Numbers are printed with 15 significant digits (jsonlite digits = NA).
# The input CSVs are synthetic. community.csv was written by hand (8 plots incl. a single-species plot "platform", an
# all-zero plot "empty", non-integer abundances in "P6", and two species absent everywhere). anova.csv (5 groups,
# unequal n, one NA) and correlation.csv (14 plots, some NA) were generated once with:
#   set.seed(20240607)
#   bd <- data.frame(group=c(rep("pit5",5),rep("control",6),rep("pit2",4),rep("pit4",7),rep("Bg",4)))
#   mu <- c(pit5=1.52, control=1.28, pit2=1.33, pit4=1.49, Bg=1.30)
#   bd$value <- round(mu[bd$group] + rnorm(nrow(bd),0,0.06),3); bd <- bd[sample(nrow(bd)),]; bd$value[7] <- NA
#   write.csv(bd, "anova.csv", row.names=FALSE, quote=FALSE, na="NA")
#   n <- 14; d <- data.frame(plot=sprintf("S%02d",1:n)); d$BD <- round(rnorm(n,1.4,0.1),3)
#   d$SWC <- round(30 - 12*d$BD + rnorm(n,0,0.8),2); d$SOM <- round(5 + 0.2*d$SWC + rnorm(n,0,0.7),2)
#   d$TN <- round(0.05 + 0.08*d$SOM + rnorm(n,0,0.02),3); d$pH <- round(rnorm(n,7.8,0.2),2)
#   d$SWC[3] <- NA; d$TN[9] <- NA; d$pH[c(2,11)] <- NA
#   write.csv(d, "correlation.csv", row.names=FALSE, quote=FALSE, na="")
suppressPackageStartupMessages({ library(vegan); library(jsonlite); library(multcomp) })
invisible(Sys.setlocale("LC_COLLATE", "C"))   # factor levels in ordinal (byte) order, as EcoNotebooks does
out <- list(r_version = R.version.string, vegan_version = as.character(packageVersion("vegan")))

## Community: vegan diversity / specnumber / Sorensen = 1 - Bray-Curtis on presence/absence
com <- read.csv("community.csv", check.names = FALSE, colClasses = c(plot = "character"))
x <- as.matrix(com[, -1]); rownames(x) <- com$plot
H <- diversity(x, "shannon"); D <- diversity(x, "simpson"); S <- specnumber(x); N <- rowSums(x)
J <- ifelse(S > 1, H / log(S), NA)          # Pielou: undefined for S <= 1
Mg <- ifelse(N > 1, (S - 1) / log(N), NA)    # Margalef: undefined for N <= 1
sor <- suppressWarnings(1 - as.matrix(vegdist(x, method = "bray", binary = TRUE)))
out$diversity <- list(
  plots = lapply(seq_len(nrow(x)), function(i) list(plot = rownames(x)[i], richness = S[[i]], individuals = N[[i]],
    shannon = H[[i]], simpson = D[[i]], pielou = J[[i]], margalef = Mg[[i]])),
  sorensen = list(labels = rownames(x), matrix = unname(sor)))

## Descriptive statistics (sd with n - 1; quantiles type 7)
desc_in <- list(c(1.267, 1.338, 1.269, 1.389, 1.226, 1.271), c(5, 3, 9, 1, 7, 7, 2, 10, 4),
                c(-2.5, 0.3, 11.75, 4, 4, 6.125, -0.01), c(42, 43))
out$descriptive <- lapply(desc_in, function(v) list(x = v, n = length(v), mean = mean(v), sd = sd(v),
  se = sd(v) / sqrt(length(v)), min = min(v), max = max(v), median = median(v),
  cv = sd(v) / mean(v), probs = c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1),
  quantiles = unname(quantile(v, c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1), type = 7))))

## Pearson correlation tests (cor.test, two-sided, 95% Fisher-z interval when n > 3)
cor_in <- list(
  list(x = c(1.401, 1.315, 1.459, 1.357, 1.455, 1.406, 1.323, 1.405, 1.468, 1.504), y = c(13.32, 13.08, 12.9, 13.66, 12.43, 13.72, 14.77, 13.37, 12.13, 12.22)),
  list(x = c(1, 2, 3, 4), y = c(2.1, 3.9, 6.2, 7.8)),
  list(x = c(1, 2, 3), y = c(3, 1, 2)),
  list(x = 1:30, y = 1:30 * 0.5 + sin(1:30) / 10),
  list(x = c(5.1, 4.9, 4.7, 4.6, 5.0, 5.4, 4.6, 5.0, 4.4, 4.9, 5.4, 4.8), y = c(0.2, 0.2, 0.2, 0.2, 0.2, 0.4, 0.3, 0.2, 0.2, 0.1, 0.2, 0.2)))
out$cor_test <- lapply(cor_in, function(p) { t <- cor.test(p$x, p$y)
  list(x = p$x, y = p$y, r = unname(t$estimate), t = unname(t$statistic), df = unname(t$parameter), p = t$p.value,
       conf_int = if (is.null(t$conf.int)) NULL else as.numeric(t$conf.int)) })

## Two-sample t tests (Student var.equal = TRUE and Welch), two-sided, 95% CI of mean(x) - mean(y)
t_in <- list(
  list(x = c(1.267, 1.338, 1.269, 1.389, 1.226, 1.271), y = c(1.549, 1.489, 1.486, 1.544, 1.577)),
  list(x = c(19.1, 21.4, 18.2, 22.8, 20.5, 23.9, 17.6, 20.0), y = c(24.3, 19.8, 26.1, 22.7, 30.2, 18.9, 27.5, 25.0, 21.1, 28.8)),
  list(x = c(100.01, 100.02, 100.015, 100.018, 100.012), y = c(50.2, 50.4, 49.9, 50.1, 50.3, 50.0)),
  list(x = c(3, 5), y = c(4, 6, 8)))
out$t_test <- lapply(t_in, function(p) { s <- t.test(p$x, p$y, var.equal = TRUE); w <- t.test(p$x, p$y)
  f <- function(r) list(t = unname(r$statistic), df = unname(r$parameter), p = r$p.value, conf_int = as.numeric(r$conf.int),
                        mean_x = unname(r$estimate[1]), mean_y = unname(r$estimate[2]))
  list(x = p$x, y = p$y, student = f(s), welch = f(w)) })

## One-way ANOVA + Tukey HSD (unbalanced) on anova.csv; rows with NA value are dropped
av <- read.csv("anova.csv")
av <- av[!is.na(av$value), ]
av$group <- factor(av$group, levels = sort(unique(av$group), method = "radix"))
fit <- aov(value ~ group, data = av); tab <- anova(fit); hsd <- TukeyHSD(fit, conf.level = 0.95)$group
out$anova <- list(levels = levels(av$group), f = tab$`F value`[1], df_between = tab$Df[1], df_within = tab$Df[2],
  p = tab$`Pr(>F)`[1], ss_between = tab$`Sum Sq`[1], ss_within = tab$`Sum Sq`[2],
  ms_between = tab$`Mean Sq`[1], ms_within = tab$`Mean Sq`[2],
  means = unname(tapply(av$value, av$group, mean)), n = unname(as.vector(table(av$group))),
  tukey = lapply(seq_len(nrow(hsd)), function(i) { ab <- strsplit(rownames(hsd)[i], "-")[[1]]
    list(a = ab[1], b = ab[2], diff = hsd[i, "diff"], lwr = hsd[i, "lwr"], upr = hsd[i, "upr"], p_adj = hsd[i, "p adj"]) }))
# Compact letter display (multcomp's insert-absorb, the algorithm of multcompView), levels ordered by decreasing mean
lvl_desc <- names(sort(tapply(av$value, av$group, mean), decreasing = TRUE))
sig <- hsd[, "p adj"] < 0.05; names(sig) <- rownames(hsd)
out$anova$letters <- as.list(multcomp:::insert_absorb(sig, lvl_order = lvl_desc, levels.x = lvl_desc)$Letters)

# Letters for hand-made significance patterns (levels given in decreasing-mean order; pairs "a-b" significant)
cld_cases <- list(
  list(levels = c("A", "B", "C", "D"), sig = c("A-C", "A-D", "B-D")),
  list(levels = c("A", "B", "C", "D", "E"), sig = c("A-B", "A-C", "A-D", "A-E", "B-E", "C-E")),
  list(levels = c("A", "B", "C"), sig = character(0)),
  list(levels = c("A", "B", "C"), sig = c("A-B", "A-C", "B-C")),
  list(levels = c("A", "B", "C", "D", "E", "F"), sig = c("A-D", "A-E", "A-F", "B-E", "B-F", "C-F")))
out$letters <- lapply(cld_cases, function(cs) {
  pairs <- combn(cs$levels, 2, paste, collapse = "-"); x <- pairs %in% cs$sig; names(x) <- pairs
  list(levels = cs$levels, significant = I(cs$sig),
       letters = as.list(multcomp:::insert_absorb(x, lvl_order = cs$levels, levels.x = cs$levels)$Letters)) })

## Correlation matrix on correlation.csv: cor.test on every pair of numeric columns (pairwise complete observations);
## the diagonal is set to r = 1, p = 0 (EcoNotebooks' convention): cor.test(x, x) gives r = 1 up to rounding and
## then p = 0 or, when rounding makes r = 0.9999999999999998, a meaningless tiny p (1.9e-87 for SWC here)
cm <- read.csv("correlation.csv")
vars <- c("BD", "SWC", "SOM", "TN", "pH")
cell <- function(f) unname(outer(vars, vars, Vectorize(function(a, b) f(cm[[a]], cm[[b]]))))
out$correlate <- list(columns = vars,
  r = cell(function(a, b) unname(cor.test(a, b)$estimate)),
  p = cell(function(a, b) cor.test(a, b)$p.value),
  n = cell(function(a, b) sum(complete.cases(a, b))))
diag(out$correlate$r) <- 1; diag(out$correlate$p) <- 0

# 150 random significance patterns (3 to 9 levels), to exercise insert/absorb/sweep beyond the hand-made cases
set.seed(7)
out$letters_random <- lapply(1:150, function(i) {
  k <- sample(3:9, 1); lv <- LETTERS[1:k]
  pairs <- combn(lv, 2, paste, collapse = "-"); x <- runif(length(pairs)) < runif(1, 0.1, 0.8); names(x) <- pairs
  list(levels = lv, significant = I(pairs[x]),
       letters = as.list(multcomp:::insert_absorb(x, lvl_order = lv, levels.x = lv)$Letters)) })

# 40 random unbalanced one-way designs (2 to 8 groups, 1 to 12 observations per group, total n > k + 1)
set.seed(11)
out$anova_random <- lapply(1:40, function(i) {
  repeat { k <- sample(2:8, 1); n <- sample(1:12, k, replace = TRUE); if (sum(n) >= k + 2) break }
  g <- rep(sprintf("g%d", 1:k), n); y <- round(rnorm(sum(n), rep(rnorm(k, 10, runif(1, 0, 3)), n), runif(1, 0.2, 4)), 3)
  fit <- aov(y ~ factor(g)); tab <- anova(fit); h <- TukeyHSD(fit)[[1]]
  list(group = g, value = y, f = tab$`F value`[1], df_between = tab$Df[1], df_within = tab$Df[2], p = tab$`Pr(>F)`[1],
       tukey = lapply(seq_len(nrow(h)), function(j) { ab <- strsplit(rownames(h)[j], "-")[[1]]
         list(a = ab[1], b = ab[2], diff = h[j, "diff"], lwr = h[j, "lwr"], upr = h[j, "upr"], p_adj = h[j, "p adj"]) })) })
# 40 random two-sample t tests and Pearson tests
out$t_random <- lapply(1:40, function(i) {
  x <- round(rnorm(sample(2:25, 1), 5, runif(1, 0.1, 3)), 3); y <- round(rnorm(sample(2:25, 1), 5 + rnorm(1), runif(1, 0.1, 3)), 3)
  s <- t.test(x, y, var.equal = TRUE); w <- t.test(x, y)
  f <- function(r) list(t = unname(r$statistic), df = unname(r$parameter), p = r$p.value, conf_int = as.numeric(r$conf.int))
  list(x = x, y = y, student = f(s), welch = f(w)) })
out$cor_random <- lapply(1:40, function(i) {
  n <- sample(3:40, 1); x <- round(rnorm(n), 3); y <- round(runif(1, -2, 2) * x + rnorm(n), 3); t <- cor.test(x, y)
  list(x = x, y = y, r = unname(t$estimate), p = t$p.value, conf_int = if (is.null(t$conf.int)) NULL else as.numeric(t$conf.int)) })

## Studentized range distribution, nranges = 1
grid <- expand.grid(q = c(0.1, 0.5, 1, 2, 3, 3.5, 4, 5, 7, 10), nmeans = c(2, 3, 4, 5, 10, 20),
                    df = c(2, 5, 10, 21, 60, 120, 1000, 5000, 20000, 30000, 1e6))
out$ptukey <- lapply(seq_len(nrow(grid)), function(i) with(grid[i, ], list(q = q, nmeans = nmeans, df = df,
  lower = ptukey(q, nmeans, df), upper = ptukey(q, nmeans, df, lower.tail = FALSE))))
qgrid <- expand.grid(p = c(0.5, 0.9, 0.95, 0.99), nmeans = c(2, 3, 4, 5, 10, 20), df = c(2, 5, 10, 21, 60, 120, 1000, 30000))
out$qtukey <- lapply(seq_len(nrow(qgrid)), function(i) with(qgrid[i, ], list(p = p, nmeans = nmeans, df = df,
  q = qtukey(p, nmeans, df))))

## Distribution functions used by the tests above (for checking MathNet against R directly)
out$pt <- lapply(list(c(2.5, 3), c(-8, 10), c(40, 7), c(0.3, 1), c(-25, 200), c(1.96, 1e5),
                    c(2, 1e4), c(2.5, 3e5), c(12, 5e4), c(1.96, 1e6), c(1.96, 1e7), c(3, 1e7), c(5, 1e8), c(1.5, 2.7),
                    c(35, 30), c(0.01, 50), c(1.2, 3.3e5)), function(a)
  list(t = a[1], df = a[2], two_sided = 2 * pt(-abs(a[1]), a[2]), qt975 = qt(0.975, a[2])))
out$pf <- lapply(list(c(3.2, 4, 21), c(150, 2, 30), c(0.5, 5, 10), c(1200, 4, 20),
                    c(2, 4, 1e6), c(3, 10, 1e7), c(1.3, 40, 1e5), c(1.1, 300, 200), c(0.2, 1, 3), c(45, 9, 1e3)), function(a)
  list(f = a[1], df1 = a[2], df2 = a[3], upper = pf(a[1], a[2], a[3], lower.tail = FALSE)))

cat(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE), "\n")

# Reference IDW values: gstat::idw on the stations of stations_interp.csv (written by stations_interp.py).
# Run: Rscript stations_idw.R > stations_idw.json
suppressMessages({ library(gstat); library(sp); library(jsonlite) })
st <- read.csv("stations_interp.csv")
coordinates(st) <- ~x + y
tg <- data.frame(x = c(605000, 620000, 641234.5, 630000, 612345), y = c(3995000, 4010000, 4025000, 3992000, 4021000))
coordinates(tg) <- ~x + y
p2 <- idw(value ~ 1, st, tg, idp = 2, debug.level = 0)$var1.pred
p3 <- idw(value ~ 1, st, tg, idp = 3.5, debug.level = 0)$var1.pred
cat(toJSON(list(idp2 = p2, idp3_5 = p3), digits = NA, auto_unbox = TRUE))

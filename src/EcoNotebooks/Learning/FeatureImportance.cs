namespace EcoNotebooks.Learning;

/// <summary>
/// Variable importance of one feature in a <see cref="RandomForestRegression"/>, with the same meaning as R's
/// <c>importance(rf)</c> for a regression forest grown with <c>importance = TRUE</c>.
/// </summary>
/// <param name="Feature">Feature name.</param>
/// <param name="Index">0-based feature (column) index.</param>
/// <param name="IncMse">
/// %IncMSE as R prints it, <c>importance(rf, type = 1)</c> (scale = TRUE): <see cref="MeanIncrease"/> /
/// <see cref="StandardError"/> (divided by 1 instead when the standard error is below machine epsilon, as R does).
/// Dimensionless; NaN when permutation importance was not computed.
/// </param>
/// <param name="MeanIncrease">
/// Unscaled permutation importance, <c>rf$importance[, "%IncMSE"]</c> = <c>importance(rf, type = 1, scale = FALSE)</c>:
/// the mean over all trees of δ_t = (MSE of tree t on its OOB rows with the feature permuted among those rows) −
/// (MSE of tree t on its OOB rows), with δ_t = 0 for trees that do not split on the feature (squared response units).
/// </param>
/// <param name="StandardError">
/// <c>rf$importanceSD</c>: sqrt((mean(δ_t²) − mean(δ_t)²) / ntree), the standard error of <see cref="MeanIncrease"/>
/// over trees (note: randomForest calls it "SD" but divides by √ntree).
/// </param>
/// <param name="IncNodePurity">
/// <c>importance(rf, type = 2)</c>: total decrease in residual sum of squares from splits on the feature, summed over each
/// tree's nodes (on its bootstrap cases) and averaged over trees (squared response units).
/// </param>
public sealed record FeatureImportance(string Feature, int Index, double IncMse, double MeanIncrease, double StandardError, double IncNodePurity);

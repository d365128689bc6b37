namespace EcoNotebooks.Learning;

/// <summary>
/// One node of a <see cref="RegressionTree"/>. An internal node sends a case left when
/// <c>x[Feature] ≤ Threshold</c> and right otherwise (randomForest's rule); a leaf has <see cref="Feature"/> = −1.
/// </summary>
/// <param name="Feature">0-based feature index of the split, or −1 for a leaf.</param>
/// <param name="Threshold">Split point, midway between the two consecutive distinct values it separates (NaN for a leaf).</param>
/// <param name="Left">Index of the left child in <see cref="RegressionTree.Nodes"/>, or −1 for a leaf.</param>
/// <param name="Right">Index of the right child, or −1 for a leaf.</param>
/// <param name="Value">Mean response of the (bootstrap) cases in the node; the prediction when it is a leaf.</param>
/// <param name="Count">Number of (bootstrap) cases in the node, duplicates counted.</param>
/// <param name="ImpurityDecrease">For an internal node, RSS(node) − RSS(left) − RSS(right) ≥ 0 (squared response units); 0 for a leaf.</param>
public readonly record struct RegressionTreeNode(int Feature, double Threshold, int Left, int Right, double Value, int Count, double ImpurityDecrease)
{
    /// <summary>True for a terminal node.</summary>
    public bool IsLeaf => Feature < 0;
}

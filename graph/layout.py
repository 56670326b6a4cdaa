"""A force-directed layout in numpy, for views too big for in-browser physics.

networkx's ``spring_layout`` needs scipy above 500 nodes and a dense n x n matrix below; this is the same
Fruchterman-Reingold scheme with repulsion computed in row blocks and, for big graphs, against a random
sample of nodes (scaled up), so 5,000 nodes lay out in seconds with bounded memory.

>>> pos = spring_positions(3, {(0, 1): 1, (1, 2): 1}, seed=1)
>>> pos.shape
(3, 2)
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

SAMPLE_ABOVE = 1000  # above this size, repulsion is computed against a random sample of nodes
SAMPLE = 500
BLOCK = 512


def _repulsion(pos: np.ndarray, k: float, rng: np.random.Generator) -> np.ndarray:
    n = len(pos)
    others, scale = pos, 1.0
    if n > SAMPLE_ABOVE:
        others, scale = pos[rng.choice(n, SAMPLE, replace=False)], n / SAMPLE
    ox, oy = others[:, 0], others[:, 1]
    force = np.empty_like(pos)
    for lo in range(0, n, BLOCK):  # x and y apart: contiguous arrays are several times faster than (., ., 2)
        dx = pos[lo : lo + BLOCK, 0, None] - ox
        dy = pos[lo : lo + BLOCK, 1, None] - oy
        w = dx * dx
        w += dy * dy
        np.maximum(w, 1e-4, out=w)
        np.divide(k * k * scale, w, out=w)
        force[lo : lo + BLOCK, 0] = (dx * w).sum(1)
        force[lo : lo + BLOCK, 1] = (dy * w).sum(1)
    return force


def _attraction(pos: np.ndarray, edges: np.ndarray, weights: np.ndarray, k: float) -> np.ndarray:
    force = np.zeros_like(pos)
    if len(edges) == 0:
        return force
    delta = pos[edges[:, 0]] - pos[edges[:, 1]]
    dist = np.sqrt((delta**2).sum(-1, keepdims=True)) + 1e-9
    pull = delta * dist / k * weights[:, None]
    n = len(pos)
    for axis in (0, 1):  # bincount is the fast scatter-add
        force[:, axis] = np.bincount(edges[:, 1], pull[:, axis], n) - np.bincount(edges[:, 0], pull[:, axis], n)
    return force


def spring_positions(
    n: int, weights: Mapping[tuple[int, int], float], *, iterations: int = 60, seed: int = 7, spread: float = 0.0
) -> np.ndarray:
    """Positions (n x 2, in pixels for vis-network) of nodes 0..n-1 joined by weighted edges."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    if n < 2:
        return pos * 0
    k = 1.0 / np.sqrt(n)
    edges = np.array([e for e in weights if e[0] != e[1]], dtype=np.int64).reshape(-1, 2)
    # log weights: one busy pair should not collapse onto itself
    w = np.log2(1 + np.array([weights[tuple(e)] for e in edges], dtype=np.float64))
    temperature = 0.1
    for step in range(iterations):
        force = _repulsion(pos, k, rng) + _attraction(pos, edges, w, k)
        force -= (pos - 0.5) * 0.05 * n * k  # gravity keeps small components from drifting off
        length = np.sqrt((force**2).sum(-1, keepdims=True)) + 1e-9
        pos += force / length * np.minimum(length, temperature)
        temperature = 0.1 * (1 - (step + 1) / (iterations + 1))
    pos -= pos.mean(0)
    size = spread or 60.0 * np.sqrt(n)
    return pos / (np.abs(pos).max() + 1e-9) * size

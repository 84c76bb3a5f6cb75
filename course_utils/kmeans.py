"""K-Means from scratch: lesson 2's loop made complete, with scikit-learn's interface.

:class:`KMeansScratch` adds to the lesson's loop what a real K-Means needs: k-means++
starts, several restarts (``n_init``), a tolerance (``tol``), a rule for empty clusters
and a record of every step (``history_``). From the same starting centres it gives the
same labels, inertia and number of iterations as scikit-learn's
``KMeans(algorithm="lloyd")``, because it follows the same rules. The arguments are
checked once, in ``fit`` and ``predict``; the functions below them trust their input.
"""

from __future__ import annotations

import numbers
import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils import check_array
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits


@dataclass(frozen=True)
class KMeansStep:
    """One step of a run: ``centers`` after ``iteration`` updates, and the ``labels``
    (each point's nearest of those centres) they give."""

    iteration: int
    centers: np.ndarray
    labels: np.ndarray


def _nearest_centre(X, centers):
    """Assign: each row's nearest centre (ties go to the lower cluster number).

    ``||x - c||² = ||x||² - 2 x·c + ||c||²``, and ``||x||²`` is the same for every
    centre, so the nearest centre has the smallest ``||c||² - 2 x·c``: one matrix
    product.
    """
    scores = X @ (-2.0 * centers.T)
    scores += (centers**2).sum(axis=1)
    return scores.argmin(axis=1)


def _sums_and_counts(X, labels, n_clusters):
    """Each cluster's sum of points and number of points (lesson 02, exercise 2.3)."""
    counts = np.bincount(labels, minlength=n_clusters)
    sums = [np.bincount(labels, weights=column, minlength=n_clusters) for column in X.T]
    return np.stack(sums, axis=1), counts


def _fill_empty_clusters(X, centers, labels, sums, counts):
    """Give each empty cluster the point farthest from its own centre (as scikit-learn).

    Changes ``sums`` and ``counts`` in place: the moved point counts for its new cluster
    only. Returns whether a point moved. Nothing moves when every point already sits on
    its centre (fewer distinct points than clusters): then the cluster keeps its centre.
    """
    empty = np.flatnonzero(counts == 0)
    if empty.size == 0:
        return False
    distances = ((X - centers[labels]) ** 2).sum(axis=1)
    if distances.max() == 0:
        return False
    farthest = np.argpartition(distances, -empty.size)[::-1][: empty.size]
    for cluster, point in zip(empty, farthest, strict=True):
        sums[labels[point]] -= X[point]
        counts[labels[point]] -= 1
        sums[cluster] = X[point]
        counts[cluster] = 1
    return True


def _lloyd(X, centers, max_iter, tol, keep_history):
    """One run from ``centers``; returns centres, labels, inertia, n_iter and steps.

    Stops when no label changed, when the centres' squared shifts add up to at most
    ``tol``, or after ``max_iter`` iterations. Unless the labels stopped changing, the
    points are assigned once more, so that the labels belong to the final centres.
    """
    history, labels_old, converged = [], None, False
    for iteration in range(max_iter):
        labels = _nearest_centre(X, centers)
        sums, counts = _sums_and_counts(X, labels, len(centers))
        moved = _fill_empty_clusters(X, centers, labels, sums, counts)
        new_centers = centers.copy()  # a cluster that stays empty keeps its centre
        filled = counts > 0
        new_centers[filled] = sums[filled] / counts[filled, None]
        if keep_history:
            history.append(KMeansStep(iteration, centers, labels))
        shift = ((new_centers - centers) ** 2).sum()
        centers = new_centers
        if labels_old is not None and np.array_equal(labels, labels_old):
            # Unless a point just moved into an empty cluster, no centre moved.
            converged = not moved
            break
        if shift <= tol:
            break
        labels_old = labels
    if not converged:
        labels = _nearest_centre(X, centers)
    if keep_history:
        history.append(KMeansStep(iteration + 1, centers, labels))
    inertia = float(((X - centers[labels]) ** 2).sum())
    return centers, labels, inertia, iteration + 1, history


def _kmeans_plusplus(X, n_clusters, rng):
    """Rows of ``X`` to start from, chosen by greedy k-means++ (scikit-learn's rule).

    The first row is drawn at random; each next one with probability proportional to its
    squared distance to the nearest row chosen so far, so the centres spread out.
    Greedy: draw ``2 + log(n_clusters)`` candidates, keep the one that lowers the
    inertia most.
    """
    n_trials = 2 + int(np.log(n_clusters))
    chosen = [rng.integers(len(X))]
    closest = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, n_clusters):
        draws = rng.uniform(size=n_trials) * closest.sum()
        candidates = np.minimum(np.searchsorted(np.cumsum(closest), draws), len(X) - 1)
        trials = [
            np.minimum(closest, ((X - X[c]) ** 2).sum(axis=1)) for c in candidates
        ]
        best = int(np.argmin([trial.sum() for trial in trials]))
        chosen.append(candidates[best])
        closest = trials[best]
    return np.array(chosen)


def _same_clustering(labels_a, labels_b):
    """True when ``labels_b`` only renumbers the groups of ``labels_a``."""
    pairs = np.unique(np.stack([labels_a, labels_b]), axis=1)
    return pairs.shape[1] == np.unique(labels_a).size


def _checked_array(value, name):
    """``value`` as a 2-D float array of finite numbers, or an error that names it."""
    try:
        return check_array(value, dtype=np.float64, input_name=name)
    except (TypeError, ValueError) as error:
        kind = ValueError if isinstance(error, ValueError) else TypeError
        raise kind(f"{name} must be a 2-D array of finite numbers: {error}") from None


def _checked_int(value, name, low, high=None):
    """``value`` as an int in ``low..high``, or an error that names it."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if value < low or (high is not None and value > high):
        upper = "" if high is None else f" and <= {high} (the number of samples)"
        raise ValueError(f"{name} must be >= {low}{upper}, got {value}")
    return int(value)


class KMeansScratch(ClusterMixin, BaseEstimator):
    """K-Means clustering (Lloyd's algorithm) written from scratch.

    Parameters
    ----------
    n_clusters : int, default 8
        The number of clusters K, from 1 to the number of samples.
    init : "k-means++", "random" or array of shape (n_clusters, n_features)
        The starting centres: greedy k-means++, K distinct rows of ``X`` drawn at
        random, or the centres themselves. Default "k-means++".
    n_init : "auto" or int, default "auto"
        Runs from different starts; the lowest inertia wins. "auto": 10 for "random",
        else 1. Must be 1 or "auto" when ``init`` is an array.
    max_iter : int, default 300
        The most iterations (assign, then update) of one run.
    tol : float, default 1e-4
        Stop when the centres' squared shifts add up to at most ``tol`` times the mean
        variance of the features; ``0`` stops only when no label changes.
    random_state : None, int or numpy.random.Generator, default None
        Seed of the starts; ``None`` is not reproducible.
    keep_history : bool, default True
        Keep every step of the best run in ``history_`` (one label array per step).

    Attributes
    ----------
    cluster_centers_ : ndarray of shape (n_clusters, n_features)
    labels_ : ndarray of shape (n_samples,), dtype int32
    inertia_ : float
        Sum of squared distances from the points to their centres.
    n_iter_ : int
        Iterations of the best run.
    history_ : list of KMeansStep
        ``history_[t]`` holds the centres after ``t`` updates and the labels they give:
        ``n_iter_ + 1`` steps, from the start to the result (empty if not kept).
    n_features_in_ : int

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]])
    >>> model = KMeansScratch(n_clusters=2, init=X[[0, 2]]).fit(X)
    >>> model.labels_.tolist(), model.inertia_
    ([0, 0, 1, 1], 1.0)
    """

    def __init__(
        self,
        n_clusters=8,
        *,
        init="k-means++",
        n_init="auto",
        max_iter=300,
        tol=1e-4,
        random_state=None,
        keep_history=True,
    ):
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state
        self.keep_history = keep_history

    def _check_params(self, X):
        """Check the parameters against ``X``; return init, n_init and a generator."""
        k = _checked_int(self.n_clusters, "n_clusters", 1, len(X))
        init = self.init
        if isinstance(init, str) and init not in ("k-means++", "random"):
            raise ValueError(
                f"init must be 'k-means++', 'random' or an array, got {init!r}"
            )
        if not isinstance(init, str):
            init = _checked_array(init, "init")
            if init.shape != (k, X.shape[1]):
                raise ValueError(
                    f"init must have shape {(k, X.shape[1])}, got {init.shape}"
                )
        if self.n_init == "auto":
            n_init = 10 if isinstance(init, str) and init == "random" else 1
        elif isinstance(self.n_init, str):
            raise ValueError(
                f"n_init must be 'auto' or an integer, got {self.n_init!r}"
            )
        else:
            n_init = _checked_int(self.n_init, "n_init", 1)
        if not isinstance(init, str) and n_init != 1:
            raise ValueError(f"n_init must be 1 when init is an array, got {n_init}")
        _checked_int(self.max_iter, "max_iter", 1)
        if isinstance(self.tol, bool) or not isinstance(self.tol, numbers.Real):
            raise TypeError(f"tol must be a number, got {self.tol!r}")
        if not 0 <= self.tol < np.inf:
            raise ValueError(f"tol must be a finite number >= 0, got {self.tol}")
        seed = self.random_state
        if seed is not None and not isinstance(seed, np.random.Generator):
            _checked_int(seed, "random_state", 0)
        if not isinstance(self.keep_history, bool):
            raise TypeError(
                f"keep_history must be True or False, got {self.keep_history!r}"
            )
        return init, n_init, np.random.default_rng(seed)

    def fit(self, X, y=None):
        """Cluster ``X``, array-like of shape (n_samples, n_features); ignore ``y``.

        Returns
        -------
        self : KMeansScratch
        """
        X = _checked_array(X, "X")
        init, n_init, rng = self._check_params(X)
        # Like scikit-learn, work on centred data: same distances, less rounding.
        self._mean = X.mean(axis=0)
        Xc = X - self._mean
        tol = self.tol * np.var(X, axis=0).mean()
        best = None
        for _ in range(n_init):
            if isinstance(init, np.ndarray):
                start = init
            elif init == "random":
                start = X[rng.choice(len(X), size=self.n_clusters, replace=False)]
            else:
                start = X[_kmeans_plusplus(Xc, self.n_clusters, rng)]
            # One BLAS thread, as in scikit-learn: these thin products gain nothing from
            # more, and lose much when the cores are busy.
            with threadpool_limits(1, user_api="blas"):
                run = _lloyd(
                    Xc, start - self._mean, self.max_iter, tol, self.keep_history
                )
            if best is None or (
                run[2] < best[2] and not _same_clustering(run[1], best[1])
            ):
                best, best_start = run, start
        self._centers, labels, self.inertia_, self.n_iter_, steps = best
        self.cluster_centers_ = self._centers + self._mean
        self.labels_ = labels.astype(np.int32)
        self.n_features_in_ = X.shape[1]
        self.history_ = [
            KMeansStep(s.iteration, s.centers + self._mean, s.labels.astype(np.int32))
            for s in steps
        ]
        if steps:  # the start exactly as given or drawn
            self.history_[0] = KMeansStep(0, best_start.copy(), self.history_[0].labels)
        n_found = np.unique(labels).size
        if n_found < self.n_clusters:
            warnings.warn(
                f"only {n_found} of n_clusters={self.n_clusters} clusters have points: "
                "X may have fewer distinct points than clusters",
                ConvergenceWarning,
                stacklevel=2,
            )
        return self

    def predict(self, X):
        """Return the nearest fitted centre of each row of ``X`` (int32 labels)."""
        check_is_fitted(self, "cluster_centers_")
        X = _checked_array(X, "X")
        if X.shape[1] != self.n_features_in_:
            raise ValueError(
                f"X must have {self.n_features_in_} features as in fit, "
                f"got {X.shape[1]}"
            )
        # The arithmetic of fit, so that predict(X_train) gives labels_ back
        return _nearest_centre(X - self._mean, self._centers).astype(np.int32)

    def fit_predict(self, X, y=None):
        """Cluster ``X`` and return ``labels_``."""
        return self.fit(X).labels_

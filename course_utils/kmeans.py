"""K-Means from scratch: lesson 02's loop made complete, with scikit-learn's interface
and, from the same start, the result of ``KMeans(algorithm="lloyd")``. Parameters and
``X`` are checked once, in ``fit`` and ``predict``; the helpers trust them."""

import warnings
from collections import namedtuple
from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils.validation import check_array, check_is_fitted
from threadpoolctl import threadpool_limits

#: One step: the ``centers`` after ``iteration`` updates and the ``labels`` they give
KMeansStep = namedtuple("KMeansStep", ["iteration", "centers", "labels"])


def _with_ones(X):
    """``X`` on its side, a row per feature (its values side by side in memory), with a
    last row of ones (see :func:`_nearest_centre`)."""
    X1 = np.ones((X.shape[1] + 1, len(X)))
    X1[:-1] = X.T
    return X1


#: Points scored at a time: their scores stay in the CPU's cache, as scikit-learn's do
#: (`make bench` compares the two).
CHUNK = 8_192


def _nearest_centre(X1, centers):
    """Each point's nearest centre (int32): the smallest ``||c||² - 2 x·c``, which is
    ``||x - c||²`` less ``||x||²`` (the same for all centres). ``X1`` is ``X`` on its
    side with a row of ones: a chunk of points' scores is one matrix product,
    ``[-2c, ||c||²] @ [x, 1]``, a row of scores per centre."""
    weights = np.column_stack([-2.0 * centers, (centers**2).sum(axis=1)])
    labels = np.zeros(X1.shape[1], dtype=np.int32)
    for start in range(0, X1.shape[1], CHUNK):
        scores = weights @ X1[:, start : start + CHUNK]
        nearest, best = labels[start : start + CHUNK], scores[0]
        # centre after centre, the points it is closer to than to every centre before
        # take its label (a tie keeps the first): argmin by hand, as NumPy's own is slow
        # along rows as short as the number of centres
        for centre in range(1, len(centers)):
            np.putmask(nearest, scores[centre] < best, centre)
            np.minimum(best, scores[centre], out=best)
    return labels


def _fill_empty_clusters(X, centers, labels, sums, counts):
    """Move into each empty cluster the point farthest from its centre; return whether
    one moved (none does if all sit on their centres). Updates sums and counts."""
    empty = np.flatnonzero(counts == 0)
    if empty.size == 0:  # the usual case: no distance to measure
        return False
    distances = ((X - centers[labels]) ** 2).sum(axis=1)
    if distances.max() == 0:
        return False
    farthest = np.argpartition(distances, -empty.size)[::-1][: empty.size]
    for cluster, point in zip(empty, farthest, strict=True):
        sums[labels[point]] -= X[point]
        counts[labels[point]] -= 1
        sums[cluster], counts[cluster] = X[point], 1
    return True


def _lloyd(X, centers, max_iter, tol):
    """One run from ``centers``; returns centres, labels, inertia, n_iter and steps.

    Stops when no label changed, when the centres' squared shifts add up to at most
    ``tol``, or after ``max_iter`` iterations; if the labels had not stopped changing,
    assigns once more so that they belong to the final centres."""
    steps, labels_old, converged = [], None, False
    X1 = _with_ones(X)
    features = X1[:-1]  # each feature's values side by side: bincount sums them fastest
    for iteration in range(max_iter):
        labels = _nearest_centre(X1, centers)
        counts = np.bincount(labels, minlength=len(centers))
        sums = np.array([np.bincount(labels, f, len(centers)) for f in features]).T
        moved = _fill_empty_clusters(X, centers, labels, sums, counts)
        new_centers = centers.copy()  # a cluster that stays empty keeps its centre
        new_centers[counts > 0] = sums[counts > 0] / counts[counts > 0, None]
        steps.append(KMeansStep(iteration, centers, labels))
        shift, centers = ((new_centers - centers) ** 2).sum(), new_centers
        if labels_old is not None and np.array_equal(labels, labels_old):
            converged = not moved  # unless a point just moved, no centre moved
            break
        if shift <= tol:
            break
        labels_old = labels
    if not converged:
        labels = _nearest_centre(X1, centers)
    steps.append(KMeansStep(iteration + 1, centers, labels))
    inertia = float(((X - centers[labels]) ** 2).sum())
    return centers, labels, inertia, iteration + 1, steps


def _kmeans_plusplus(X, n_clusters, rng):
    """Rows of ``X`` to start from, by greedy k-means++ (scikit-learn's rule).

    The first is random; each next one is drawn with probability proportional to its
    squared distance to the nearest row chosen so far: of ``2 + log(K)`` draws, the one
    that lowers the inertia most."""
    chosen = [rng.integers(len(X))]
    closest = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, n_clusters):
        draws = rng.uniform(size=2 + int(np.log(n_clusters))) * closest.sum()
        candidates = np.minimum(np.searchsorted(np.cumsum(closest), draws), len(X) - 1)
        trials = [np.minimum(closest, ((X - X[c]) ** 2).sum(1)) for c in candidates]
        best = int(np.argmin([trial.sum() for trial in trials]))
        chosen.append(candidates[best])
        closest = trials[best]
    return np.array(chosen)


def _renumbered(labels_a, labels_b):
    """True when ``labels_b`` only renumbers the groups of ``labels_a``."""
    pairs = np.unique(np.stack([labels_a, labels_b]), axis=1)
    return pairs.shape[1] == np.unique(labels_a).size


def _checked_array(value, name):
    """``value`` as a 2-D float array of finite numbers, or an error naming it."""
    try:
        return check_array(value, dtype=np.float64, input_name=name)
    except (TypeError, ValueError) as error:
        kind = ValueError if isinstance(error, ValueError) else TypeError
        raise kind(f"{name} must be a 2-D array of finite numbers: {error}") from None


class KMeansScratch(ClusterMixin, BaseEstimator):
    """K-Means clustering (Lloyd's algorithm) written from scratch.

    Parameters
    ----------
    n_clusters : int, default 8
        The number of clusters K, from 1 to the number of samples.
    init : "k-means++", "random" or array of shape (n_clusters, n_features)
        The starts: greedy k-means++, K distinct random rows of ``X``, or the centres.
    n_init : "auto" or int, default "auto"
        Runs from different starts; the lowest inertia wins. "auto": 10 for "random",
        else 1. Must be 1 or "auto" when ``init`` is an array.
    max_iter : int, default 300
        The most iterations (assign, then update) of one run.
    tol : float, default 1e-4
        Stop when the centres' squared shifts add up to at most ``tol`` times the mean
        variance of the features; ``0`` stops only when no label changes.
    random_state : None, int or numpy.random.Generator, default None
        Seed of the starts (``None``: not reproducible).

    Attributes
    ----------
    cluster_centers_, labels_, inertia_, n_iter_
        The best run's centres, labels (int32), inertia (the sum of squared distances
        from the points to their centres) and number of iterations.
    history_ : list of KMeansStep
        ``history_[t]``: the centres after ``t`` updates and the labels they give, for
        ``t`` from 0 to ``n_iter_``.
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
    ):
        self.n_clusters, self.init, self.n_init = n_clusters, init, n_init
        self.max_iter, self.tol, self.random_state = max_iter, tol, random_state

    def _check_params(self, X):
        """Check the parameters against ``X``; return init, n_init and a generator."""
        init, n_init, seed = self.init, self.n_init, self.random_state
        if isinstance(init, str) and init not in ("k-means++", "random"):
            raise ValueError(f"init must be 'k-means++', 'random' or array: {init!r}")
        if isinstance(n_init, str) and n_init != "auto":
            raise ValueError(f"n_init must be 'auto' or an integer, got {n_init!r}")
        any_seed = seed is None or isinstance(seed, np.random.Generator)
        for name, value, kind, low, high in [  # "auto", None or a Generator pass
            ("n_clusters", self.n_clusters, Integral, 1, len(X)),
            ("max_iter", self.max_iter, Integral, 1, np.inf),
            ("tol", self.tol, Real, 0, np.inf),
            ("n_init", 1 if n_init == "auto" else n_init, Integral, 1, np.inf),
            ("random_state", 0 if any_seed else seed, Integral, 0, np.inf),
        ]:
            what = "an integer" if kind is Integral else "a finite number"
            if isinstance(value, bool) or not isinstance(value, kind):
                raise TypeError(f"{name} must be {what}, got {value!r}")
            if not low <= value <= high or value == np.inf:
                raise ValueError(f"{name} must be {what} in [{low}, {high}]: {value}")
        if n_init == "auto":
            n_init = 10 if isinstance(init, str) and init == "random" else 1
        if not isinstance(init, str):
            init, shape = _checked_array(init, "init"), (self.n_clusters, X.shape[1])
            if init.shape != shape:
                raise ValueError(f"init must have shape {shape}, got {init.shape}")
            if n_init != 1:
                raise ValueError(f"n_init must be 1 when init is an array: {n_init}")
        return init, n_init, np.random.default_rng(seed)

    def fit(self, X, y=None):
        """Cluster ``X`` (n_samples, n_features) and return self; ``y`` is ignored."""
        X = _checked_array(X, "X")
        init, n_init, rng = self._check_params(X)
        # Like scikit-learn, work on centred data: same distances, less rounding.
        mean = self._mean = X.mean(axis=0)
        Xc, tol, best = X - mean, self.tol * np.var(X, axis=0).mean(), None
        for _ in range(n_init):
            if isinstance(init, np.ndarray):
                start = init
            elif init == "random":
                start = X[rng.choice(len(X), size=self.n_clusters, replace=False)]
            else:
                start = X[_kmeans_plusplus(Xc, self.n_clusters, rng)]
            # One BLAS thread, as scikit-learn: thin products gain nothing from more
            with threadpool_limits(1, user_api="blas"):
                run = _lloyd(Xc, start - mean, self.max_iter, tol)
            # A lower inertia wins, unless it only renumbers the best run's groups
            if best is None or (run[2] < best[2] and not _renumbered(run[1], best[1])):
                best, best_start = run, start
        self._centers, self.labels_, self.inertia_, self.n_iter_, steps = best
        self.cluster_centers_, self.n_features_in_ = self._centers + mean, X.shape[1]
        self.history_ = [s._replace(centers=s.centers + mean) for s in steps]
        self.history_[0] = steps[0]._replace(centers=best_start.copy())  # exact
        if np.unique(self.labels_).size < self.n_clusters:  # too few distinct points
            warnings.warn("not all clusters have points", ConvergenceWarning, 2)
        return self

    def predict(self, X):
        """Return the nearest fitted centre of each row of ``X`` (int32 labels)."""
        check_is_fitted(self, "cluster_centers_")
        X, n_features = _checked_array(X, "X"), self.n_features_in_
        if X.shape[1] != n_features:
            raise ValueError(f"X must have {n_features} features, got {X.shape[1]}")
        return _nearest_centre(_with_ones(X - self._mean), self._centers)  # as in fit

"""K-Means written from scratch in vectorised NumPy, step for step like scikit-learn's Lloyd.

:class:`KMeansScratch` is the course's own K-Means. It is written to be read: every step of
Lloyd's algorithm is a short function below. Started from the same centres it gives the same
labels, centres (to rounding) and inertia as ``sklearn.cluster.KMeans(algorithm="lloyd")``,
because it follows the same rules:

* **Distances.** ``||x - c||² = ||x||² - 2 x·c + ||c||²``. The ``||x||²`` term is the same for
  every centre, so the nearest centre is the one with the smallest ``||c||² - 2 x·c``: one
  matrix product per block of rows, then the first smallest (ties go to the lower cluster
  number). Like scikit-learn we first subtract the column means from ``X``, which makes the
  expansion more accurate and changes no distance.
* **Update.** Each centre moves to the mean of its points (a one-hot matrix product, or
  ``np.bincount`` when there are many clusters).
* **Empty clusters.** A centre that lost all its points is moved onto the point that lies
  farthest from its own centre (the farthest points for several empty clusters), exactly as
  scikit-learn does. Only if that is impossible — every point already sits on its centre,
  i.e. there are fewer distinct points than clusters — or if the moved point was alone in its
  cluster, does a cluster stay empty; its centre then stays where it was (scikit-learn moves it
  onto the biggest cluster's centre instead) and ``fit`` warns.
* **Stopping.** After ``max_iter`` iterations; or as soon as no label changed ("strict
  convergence"); or when the centres' squared shifts, summed, fall to ``tol`` times the mean
  variance of the features (scikit-learn's relative tolerance). After a stop that is not
  strict the points are assigned once more, so that the labels belong to the final centres.
  The one deliberate difference from scikit-learn: when the labels stop changing in an
  iteration that moved a point into an empty cluster, the points are assigned once more too
  (scikit-learn keeps labels that no longer match the moved centre).
* **Restarts.** With ``n_init`` runs, a later run replaces the best so far only if its
  inertia is lower *and* its clustering differs (not merely the same groups with new numbers).

Speed (see ``tools/bench_kmeans.py``): the data are stored one row per feature and processed
in cache-sized blocks of points; the nearest centre is found with whole-row operations rather
than ``np.argmin`` (see :func:`_nearest_centres`); the cluster sums come from a one-hot matrix
product; labels are kept as one byte per point up to 256 clusters. It runs on one thread (the
matrix products may use more): Python threads were measured to slow it down, because its
NumPy calls are too short to share the interpreter well. The lesson's own loop is the plain
version of the same steps.
"""

from __future__ import annotations

import numbers
import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.exceptions import ConvergenceWarning, NotFittedError

from course_utils.validation import (
    check_choice,
    check_features,
    check_float,
    check_int,
    check_labels,
    check_random_state,
)

#: The starting rules :class:`KMeansScratch` knows by name.
INIT_METHODS = ("k-means++", "random")
#: Rows per block in the assignment step: blocks small enough for the CPU cache.
_BLOCK_ROWS = 8192
#: Above this many clusters the update uses ``np.bincount`` instead of a one-hot product.
_ONE_HOT_MAX_CLUSTERS = 32


@dataclass(frozen=True)
class KMeansStep:
    """One state of a K-Means run, for step-by-step plots.

    Attributes
    ----------
    iteration : int
        ``0`` for the starting centres, ``t`` after ``t`` updates of the centres.
    centers : ndarray of shape (n_clusters, n_features)
        The centres at this step.
    labels : ndarray of shape (n_samples,), dtype int32
        Each point's nearest of these centres (ties go to the lower cluster number).
    """

    iteration: int
    centers: np.ndarray
    labels: np.ndarray


def kmeans_inertia(X, centers, labels) -> float:
    """Return the inertia: the sum of squared distances from each point to its centre.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    centers : array-like of shape (n_clusters, n_features)
    labels : array-like of shape (n_samples,)
        The cluster of each point, ``0 <= label < n_clusters``.

    Returns
    -------
    float

    Examples
    --------
    >>> kmeans_inertia([[0.0], [2.0]], [[1.0]], [0, 0])
    2.0
    """
    X = check_features(X, name="X")
    centers = check_features(centers, name="centers")
    labels = check_labels(labels, n_samples=X.shape[0])
    if centers.shape[1] != X.shape[1]:
        raise ValueError(
            f"centers has {centers.shape[1]} feature(s) but X has {X.shape[1]}; they must match"
        )
    if labels.min() < 0 or labels.max() >= centers.shape[0]:
        raise ValueError(
            f"labels must lie in 0..{centers.shape[0] - 1} (one per centre)"
        )
    return float(((X - centers[labels]) ** 2).sum())


def squared_distances(X, centers) -> np.ndarray:
    """Return every squared Euclidean distance from the rows of ``X`` to the centres.

    Uses ``||x||² - 2 x·c + ||c||²`` (one matrix product, no loop over points), clipped at 0
    because rounding can make a tiny distance slightly negative.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    centers : array-like of shape (n_clusters, n_features)

    Returns
    -------
    ndarray of shape (n_samples, n_clusters)
    """
    X = check_features(X, name="X")
    centers = check_features(centers, name="centers")
    if centers.shape[1] != X.shape[1]:
        raise ValueError(
            f"centers has {centers.shape[1]} feature(s) but X has {X.shape[1]}; they must match"
        )
    return _squared_distances(X, centers, np.einsum("ij,ij->i", X, X))


def _squared_distances(X, centers, x_squared_norms):
    distances = X @ (-2.0 * centers.T)
    distances += x_squared_norms[:, None]
    distances += np.einsum("ij,ij->i", centers, centers)
    return np.maximum(distances, 0.0, out=distances)


def kmeans_plusplus(X, n_clusters, *, random_state=None, n_local_trials=None):
    """Choose starting centres with greedy k-means++ (the rule scikit-learn uses).

    The first centre is a random point. Each next centre is drawn with probability
    proportional to the squared distance from the nearest centre chosen so far — far-away
    points are likely, so the centres spread out. *Greedy* k-means++ draws
    ``n_local_trials`` candidates each time and keeps the one that lowers the inertia most.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    n_clusters : int
        How many centres to choose (at most ``n_samples``).
    random_state : None, int or numpy.random.Generator, default None
    n_local_trials : int, optional
        Candidates per centre; default ``2 + int(log(n_clusters))`` as in scikit-learn.
        ``1`` gives plain (non-greedy) k-means++.

    Returns
    -------
    centers : ndarray of shape (n_clusters, n_features)
    indices : ndarray of shape (n_clusters,)
        The rows of ``X`` that were chosen.
    """
    X = check_features(X, name="X")
    n_clusters = check_int(n_clusters, name="n_clusters", minimum=1, maximum=X.shape[0])
    if n_local_trials is None:
        n_local_trials = 2 + int(np.log(n_clusters))
    n_local_trials = check_int(n_local_trials, name="n_local_trials", minimum=1)
    rng = check_random_state(random_state)
    return _kmeans_plusplus(X, n_clusters, rng, n_local_trials)


def _kmeans_plusplus(X, n_clusters, rng, n_local_trials):
    x_squared_norms = np.einsum("ij,ij->i", X, X)
    indices = np.empty(n_clusters, dtype=np.intp)
    indices[0] = rng.integers(X.shape[0])
    closest = _squared_distances(X, X[indices[:1]], x_squared_norms)[:, 0]
    potential = closest.sum()
    for c in range(1, n_clusters):
        targets = rng.uniform(size=n_local_trials) * potential
        candidates = np.searchsorted(np.cumsum(closest), targets)
        np.clip(
            candidates, None, X.shape[0] - 1, out=candidates
        )  # rounding at the top end
        with_candidate = np.minimum(
            closest[:, None], _squared_distances(X, X[candidates], x_squared_norms)
        )
        best = int(np.argmin(with_candidate.sum(axis=0)))
        closest = with_candidate[:, best]
        potential = closest.sum()
        indices[c] = candidates[best]
    return X[indices].copy(), indices


def _label_dtype(n_clusters: int) -> np.dtype:
    """The smallest unsigned integer type for labels ``0 .. n_clusters - 1`` (uint8 up to 256
    clusters): less memory to write, compare and keep in ``history_`` than ``int32``."""
    return np.min_scalar_type(n_clusters - 1)


def _nearest_centres(scores, out):
    """Write ``argmin(scores, axis=0)`` into ``out``: for each column, the first lowest row.

    ``scores`` has one row per centre and one column per point; it is overwritten.
    ``np.argmin`` over such short columns is slow (a call and a hard-to-predict branch per
    point), so we get the same answer with whole-row operations. After the running minimum
    ``scores[j] = min(scores[0], ..., scores[j])``, the nearest centre of a point is the
    number of rows ``j`` whose running minimum is still above the point's overall minimum
    ``scores[-1]`` — so ties go to the lower cluster number, exactly as with ``np.argmin``.
    ``out`` must have an unsigned integer type that holds ``n_clusters - 1``.
    """
    n_clusters = scores.shape[0]
    for j in range(1, n_clusters):
        np.minimum(scores[j - 1], scores[j], out=scores[j])
    out[:] = 0
    for j in range(n_clusters - 1):
        np.add(out, scores[j] > scores[-1], out=out)


def _assign(XaT, centers, labels, sums=None):
    """E-step, block by block: write each point's nearest centre into ``labels``.

    ``XaT`` holds the centred data *by feature* — one row per feature, one column per point —
    with a row of ones appended, so that one matrix product ``weights @ block`` gives
    ``||c||² - 2 c·x`` for every centre and point (rows of contiguous numbers make these
    products about twice as fast as the row-per-point layout). ``labels`` has the type of
    :func:`_label_dtype`. When ``sums`` (n_clusters, n_features + 1) is given, add each
    cluster's sum of points to it: its last column then counts the points.
    """
    n_samples, n_features = XaT.shape[1], centers.shape[1]
    n_clusters = centers.shape[0]
    weights = np.empty((n_clusters, n_features + 1))
    weights[:, :n_features] = -2.0 * centers
    weights[:, n_features] = np.einsum("ij,ij->i", centers, centers)
    one_hot = sums is not None and n_clusters <= _ONE_HOT_MAX_CLUSTERS
    cluster_ids = np.arange(n_clusters, dtype=labels.dtype)[:, None]
    for start in range(0, n_samples, _BLOCK_ROWS):
        block = XaT[:, start : start + _BLOCK_ROWS]
        block_labels = labels[start : start + _BLOCK_ROWS]
        _nearest_centres(weights @ block, block_labels)
        if one_hot:
            sums += (block_labels == cluster_ids).astype(np.float64) @ block.T
    if sums is not None and not one_hot:
        for j in range(n_features + 1):
            sums[:, j] += np.bincount(labels, weights=XaT[j], minlength=n_clusters)


def _centred_by_feature(X, mean):
    """Return ``XaT``, the layout :func:`_assign` works on: ``(X - mean).T`` and a row of ones."""
    XaT = np.empty((X.shape[1] + 1, X.shape[0]))
    np.subtract(X, mean, out=XaT[:-1].T)
    XaT[-1] = 1.0
    return XaT


def _relocate_empty_clusters(Xc, centers, labels, sums):
    """Give each empty cluster the point farthest from its centre (scikit-learn's rule).

    Changes ``sums`` in place (the moved point counts for its new cluster only); the labels
    stay as they are, as in scikit-learn, and change at the next assignment. Returns whether
    a point was moved.
    """
    n_features = Xc.shape[1]
    empty = np.flatnonzero(sums[:, n_features] == 0)
    if empty.size == 0:
        return False
    distances = ((Xc - centers[labels]) ** 2).sum(axis=1)
    if distances.max() == 0:  # every point sits on its centre: nothing can move
        return False
    farthest = np.argpartition(distances, -empty.size)[: -empty.size - 1 : -1]
    for new_cluster, point in zip(empty, farthest, strict=True):
        old_cluster = labels[point]
        sums[old_cluster, :n_features] -= Xc[point]
        sums[old_cluster, n_features] -= 1.0
        sums[new_cluster, :n_features] = Xc[point]
        sums[new_cluster, n_features] = 1.0
    return True


def _lloyd(XaT, centers, max_iter, tol, keep_history):
    """One K-Means run from ``centers`` (centred coordinates); see the module docstring."""
    n_samples, n_features = XaT.shape[1], centers.shape[1]
    Xc = XaT[:n_features].T  # the centred points, one per row (a view)
    history = []
    labels_old = None
    strict_convergence = False
    for iteration in range(max_iter):
        labels = np.empty(n_samples, dtype=_label_dtype(centers.shape[0]))
        sums = np.zeros((centers.shape[0], n_features + 1))
        _assign(XaT, centers, labels, sums)
        relocated = _relocate_empty_clusters(Xc, centers, labels, sums)
        counts = sums[:, n_features]
        filled = counts > 0
        new_centers = centers.copy()  # a cluster that stays empty keeps its centre
        new_centers[filled] = sums[filled, :n_features] * (1.0 / counts[filled, None])
        if keep_history:
            history.append((iteration, centers, labels))
        shift = ((new_centers - centers) ** 2).sum()
        centers = new_centers
        if labels_old is not None and np.array_equal(labels, labels_old):
            # same labels, so the centres did not move either -- unless an empty cluster was
            # just given a point: then the labels are re-assigned below (scikit-learn keeps
            # the stale labels here, which leaves a point away from its nearest centre)
            strict_convergence = not relocated
            break
        if shift <= tol:
            break
        labels_old = labels
    if (
        not strict_convergence
    ):  # re-assign so that the labels belong to the final centres
        labels = np.empty(n_samples, dtype=_label_dtype(centers.shape[0]))
        _assign(XaT, centers, labels)
    residuals = Xc - centers[labels]
    inertia = float(np.einsum("ij,ij->", residuals, residuals))
    if keep_history:
        history.append((iteration + 1, centers, labels))
    return centers, labels, inertia, iteration + 1, history


def _same_clustering(labels_a, labels_b) -> bool:
    """True when ``labels_b`` is a function of ``labels_a`` (scikit-learn's test)."""
    pairs = np.unique(np.stack([labels_a, labels_b]), axis=1)
    return pairs.shape[1] == np.unique(labels_a).size


class KMeansScratch(ClusterMixin, BaseEstimator):
    """K-Means clustering (Lloyd's algorithm) written from scratch, scikit-learn style.

    Parameters
    ----------
    n_clusters : int, default 8
        The number of clusters K (at least 1, at most the number of samples).
    init : {"k-means++", "random"} or array-like of shape (n_clusters, n_features), \
default "k-means++"
        How to place the starting centres: greedy k-means++ (as scikit-learn, see
        :func:`kmeans_plusplus`), ``"random"`` (K distinct rows of ``X`` chosen uniformly), or
        the starting centres themselves.
    n_init : "auto" or int, default "auto"
        How many runs from different starts; the run with the lowest inertia is kept.
        ``"auto"`` means 1 run for ``"k-means++"`` or an array, 10 for ``"random"`` (as
        scikit-learn). With an array ``init`` every run would be identical, so ``n_init``
        must then be 1 or ``"auto"``.
    max_iter : int, default 300
        The most iterations (assign, then update) of a run.
    tol : float, default 1e-4
        Relative tolerance: a run stops when the centres' squared shifts, summed, are at most
        ``tol * mean(var(X, axis=0))``. ``0`` stops only when no label changes.
    random_state : None, int or numpy.random.Generator, default None
        Seed for the starting centres. ``None`` is not reproducible.
    keep_history : bool, default True
        Record the best run's centres and labels at every step in ``history_`` (costs one
        label array per iteration; switch off for very large data).

    Attributes
    ----------
    cluster_centers_ : ndarray of shape (n_clusters, n_features)
    labels_ : ndarray of shape (n_samples,), dtype int32
        Each training point's nearest final centre.
    inertia_ : float
        Sum of squared distances of the training points to their centres.
    n_iter_ : int
        Iterations of the best run.
    history_ : list of KMeansStep
        The best run step by step: ``history_[0]`` holds the starting centres and the labels
        they give, ``history_[t]`` the centres after ``t`` updates and their labels;
        ``history_[-1]`` is the fitted result. There are ``n_iter_ + 1`` steps (empty when
        ``keep_history=False``).
    n_features_in_ : int

    Examples
    --------
    >>> import numpy as np
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
        """Validate the parameters against ``X``; return (init array or name, n_init)."""
        n_samples, n_features = X.shape
        n_clusters = check_int(self.n_clusters, name="n_clusters", minimum=1)
        if n_clusters > n_samples:
            raise ValueError(
                f"n_clusters must be <= the number of samples ({n_samples}), got {n_clusters}"
            )
        if isinstance(self.init, str):
            init = check_choice(self.init, name="init", choices=INIT_METHODS)
        elif (
            self.init is None
            or isinstance(self.init, numbers.Number)
            or callable(self.init)
        ):
            raise TypeError(
                f"init must be one of {list(INIT_METHODS)} or an array of shape "
                f"(n_clusters, n_features), got {self.init!r}"
            )
        else:
            init = check_features(self.init, name="init")
            if init.shape != (n_clusters, n_features):
                raise ValueError(
                    f"init must have shape (n_clusters, n_features) = ({n_clusters}, "
                    f"{n_features}), got {init.shape}"
                )
        if isinstance(self.n_init, str):
            check_choice(self.n_init, name="n_init", choices=["auto"])
            n_init = 10 if isinstance(init, str) and init == "random" else 1
        else:
            n_init = check_int(self.n_init, name="n_init", minimum=1)
            if not isinstance(init, str) and n_init != 1:
                raise ValueError(
                    f"n_init must be 1 or 'auto' when init is an array (every run would start "
                    f"from the same centres), got {n_init}"
                )
        check_int(self.max_iter, name="max_iter", minimum=1)
        check_float(self.tol, name="tol", minimum=0.0)
        if not isinstance(self.keep_history, bool):
            raise TypeError(
                f"keep_history must be True or False, got {self.keep_history!r}"
            )
        return init, n_init

    def fit(self, X, y=None):
        """Cluster ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Finite numbers; a DataFrame is fine.
        y : None
            Ignored; present for scikit-learn's API.

        Returns
        -------
        self : KMeansScratch
        """
        X = check_features(X, name="X")
        init, n_init = self._check_params(X)
        rng = check_random_state(self.random_state)
        tol = self.tol * np.mean(np.var(X, axis=0)) if self.tol > 0 else 0.0
        X_mean = X.mean(axis=0)
        XaT = _centred_by_feature(X, X_mean)
        Xc = XaT[:-1].T
        best = None
        for _ in range(n_init):
            if isinstance(init, str) and init == "k-means++":
                n_trials = 2 + int(np.log(self.n_clusters))
                rows = _kmeans_plusplus(Xc, self.n_clusters, rng, n_trials)[1]
                start = X[rows]
            elif isinstance(init, str):
                start = X[rng.choice(X.shape[0], size=self.n_clusters, replace=False)]
            else:
                start = init
            run = _lloyd(XaT, start - X_mean, self.max_iter, tol, self.keep_history)
            if best is None or (
                run[2] < best[2] and not _same_clustering(run[1], best[1])
            ):
                best, best_start = run, start
        centers, labels, inertia, n_iter, history = best
        steps = [
            KMeansStep(t, c + X_mean, lab.astype(np.int32)) for t, c, lab in history
        ]
        if steps:  # the starting centres exactly as given or drawn, without rounding
            steps[0] = KMeansStep(0, best_start.copy(), steps[0].labels)
        labels = labels.astype(np.int32)
        n_found = np.count_nonzero(np.bincount(labels, minlength=self.n_clusters))
        if n_found < self.n_clusters:
            warnings.warn(
                f"only {n_found} of the n_clusters={self.n_clusters} clusters have points; "
                "X may have fewer distinct points than clusters (duplicates?)",
                ConvergenceWarning,
                stacklevel=2,
            )
        self._X_mean = X_mean
        self._centers_centred = centers
        self.cluster_centers_ = centers + X_mean
        self.labels_ = labels
        self.inertia_ = inertia
        self.n_iter_ = n_iter
        self.n_features_in_ = X.shape[1]
        self.history_ = steps
        return self

    def predict(self, X):
        """Return the nearest fitted centre of each row of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples,), dtype int32
            ``predict(X_train)`` equals ``labels_``.
        """
        if not hasattr(self, "cluster_centers_"):
            raise NotFittedError(
                "This KMeansScratch is not fitted yet: call fit(X) before predict(X)"
            )
        X = check_features(X, name="X")
        if X.shape[1] != self.n_features_in_:
            raise ValueError(
                f"X has {X.shape[1]} feature(s) but the model was fitted on "
                f"{self.n_features_in_}; they must match"
            )
        # Same centring and arithmetic as in fit, so the training data get labels_ back.
        XaT = _centred_by_feature(X, self._X_mean)
        labels = np.empty(X.shape[0], dtype=_label_dtype(self.n_clusters))
        _assign(XaT, self._centers_centred, labels)
        return labels.astype(np.int32)

    def fit_predict(self, X, y=None):
        """Cluster ``X`` and return ``labels_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
        y : None
            Ignored.

        Returns
        -------
        ndarray of shape (n_samples,), dtype int32
        """
        return self.fit(X).labels_

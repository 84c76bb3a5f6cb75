"""The new cases some quiz questions show: small, seeded computations, never typed-in numbers.

A question of the bank that says ``case: NAME`` shows ``CASES[NAME]()``'s HTML (a small table or
a figure) under its prompt; the case also returns its ``answer``, the value of the option it
makes right, which ``tests/test_quiz.py`` checks against the bank's key. Each case runs in
well under a second and is computed once per process.
"""

import html
import io
import re
from dataclasses import dataclass
from functools import cache

import numpy as np

from course_utils.settings import KMEANS_N_INIT, MIXTURE_N_INIT, MODEL_SEED


@dataclass(frozen=True)
class Case:
    """What a question shows (``html``) and the value its right option must carry."""

    html: str
    answer: float


def _table(frame, caption: str) -> str:
    """A small DataFrame as an HTML table with a caption."""
    body = frame.to_html(index=False, border=0, classes="cq-table")
    return body.replace(">\n", f">\n<caption>{html.escape(caption)}</caption>\n", 1)


def _figure(fig, alt: str, salt: str) -> str:
    """A matplotlib figure as a light, deterministic inline SVG with its text as text and
    ``alt`` as its accessible name (``salt`` keeps its internal ids unique on the page)."""
    import matplotlib.pyplot as plt

    drawn = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        fig.savefig(drawn, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = drawn.getvalue()
    svg = svg[svg.index("<svg") :].replace(
        "<svg ",
        f'<svg class="cq-figure" role="img" aria-label="{html.escape(alt)}" ',
        1,
    )
    # matplotlib's style rule would apply to the whole page; unused ids would repeat on it
    svg = svg.replace('<style type="text/css">*{', "<style>.cq-figure *{")
    used = set(re.findall(r"#([\w.-]+)", svg))
    svg = re.sub(r' id="([^"]+)"', lambda m: m[0] if m[1] in used else "", svg)
    return re.sub(r"\n\s*", "\n", svg)


def _curves(ks, series: dict, ylabels: tuple, alt: str, salt: str) -> str:
    """One or two panels of curves over K, in the course's style (colours and markers)."""
    import matplotlib.pyplot as plt

    from course_utils.style import MARKERS, PALETTE, use_course_style

    panels = sorted({panel for panel, _ in series})
    with (
        plt.rc_context()
    ):  # the course's style, without changing the learner's settings
        use_course_style()
        width = 4.6 * len(panels) if len(panels) > 1 else 6.0
        fig, axes = plt.subplots(1, len(panels), figsize=(width, 3.4))
        axes = np.atleast_1d(axes)
        for i, ((panel, name), values) in enumerate(series.items()):
            ax = axes[panels.index(panel)]
            style = {"color": PALETTE[i % 10], "marker": MARKERS[i % 10]}
            ax.plot(ks, values, label=name, **style)
            ax.set(xlabel="K (number of clusters)", ylabel=ylabels[panels.index(panel)])
            ax.set_xticks(list(ks))
        for ax in axes:
            if len(ax.lines) > 1:
                ax.legend(fontsize=11)
        fig.tight_layout()
        return _figure(fig, alt, salt)


def _kmeans(X, k: int, n_init: int = KMEANS_N_INIT):
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=k, n_init=n_init, random_state=MODEL_SEED).fit(X)


@cache
def choose_k_curves() -> Case:
    """Elbow and silhouette of 240 new customers (three groups, scaled): the best K."""
    from sklearn.datasets import make_blobs
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import StandardScaler

    X, _ = make_blobs(240, centers=[[0, 0], [6, 1], [2, 6]], cluster_std=1.1,
                      random_state=11)  # fmt: skip
    X = StandardScaler().fit_transform(X)
    ks = range(2, 9)
    fits = {k: _kmeans(X, k) for k in ks}
    inertia = [round(fits[k].inertia_, 1) for k in ks]
    silhouette = [round(silhouette_score(X, fits[k].labels_), 3) for k in ks]
    best = ks[int(np.argmax(silhouette))]
    alt = (
        f"Two line charts over K = 2 to 8. Left, inertia: {inertia}. "
        f"Right, mean silhouette: {silhouette}."
    )
    series = {(0, "inertia"): inertia, (1, "silhouette"): silhouette}
    labels = ("inertia", "mean silhouette")
    return Case(_curves(ks, series, labels, alt, "choose-k"), best)


@cache
def baseline_curves() -> Case:
    """Silhouette by K for a new 3-feature table and for 3 column-shuffled copies of it."""
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(5)
    centres = np.array([[2.0, 20, 300], [6, 45, 900], [10, 30, 1800]])
    spread = np.array([1.2, 6, 220])
    X = np.vstack([rng.normal(c, spread, size=(100, 3)) for c in centres])
    ks = range(2, 8)

    def silhouettes(data):
        data = StandardScaler().fit_transform(data)
        return [
            round(silhouette_score(data, _kmeans(data, k, n_init=3).labels_), 3)
            for k in ks
        ]

    series = {(0, "the table"): silhouettes(X)}
    for draw in range(3):
        shuffled = np.column_stack([rng.permutation(column) for column in X.T])
        series[0, f"shuffled copy {draw + 1}"] = silhouettes(shuffled)
    real = series[0, "the table"]
    best = ks[int(np.argmax(real))]
    baseline_top = max(max(v) for name, v in series.items() if name[1] != "the table")
    alt = "Mean silhouette over K = 2 to 7. " + "; ".join(
        f"{name}: {values}" for (_, name), values in series.items()
    )
    answer = best if max(real) - baseline_top > 0.1 else 0
    return Case(_curves(ks, series, ("mean silhouette",), alt, "baseline"), answer)


@cache
def restart_inertias() -> Case:
    """Inertia of six single-start K-Means runs (random centres) on new data."""
    import pandas as pd
    from sklearn.cluster import KMeans
    from sklearn.datasets import make_blobs

    X, _ = make_blobs(300, centers=6, cluster_std=0.8, random_state=3)
    runs = [
        KMeans(6, init="random", n_init=1, random_state=seed).fit(X).inertia_
        for seed in range(6)
    ]
    frame = pd.DataFrame({"random_state": range(6), "inertia": np.round(runs, 1)})
    caption = "KMeans(6, init='random', n_init=1, random_state=…) on 300 customers"
    return Case(_table(frame, caption), float(frame["inertia"].min()))


@cache
def merge_heights() -> Case:
    """The last merge heights of Ward's hierarchical clustering on new data."""
    import pandas as pd
    from scipy.cluster.hierarchy import linkage
    from sklearn.datasets import make_blobs

    X, _ = make_blobs(90, centers=[[0, 0], [5, 0], [2.5, 5]], cluster_std=0.7,
                      random_state=8)  # fmt: skip
    heights = linkage(X, method="ward")[-6:, 2]
    frame = pd.DataFrame({
        "clusters after the merge": range(6, 0, -1),
        "merge height": np.round(heights, 1),
    })  # fmt: skip
    gap = int(np.argmax(np.diff(heights)))  # cut inside the largest gap
    caption = "The last six merges of Ward linkage on 90 customers"
    return Case(_table(frame, caption), int(frame["clusters after the merge"][gap]))


@cache
def mixture_probabilities() -> Case:
    """Membership probabilities of five customers in a two-component Gaussian mixture."""
    import pandas as pd
    from sklearn.mixture import GaussianMixture

    rng = np.random.default_rng(2)
    X = np.vstack([rng.normal(0, 1, (150, 2)), rng.normal([3.5, 0], 1, (150, 2))])
    mixture = GaussianMixture(2, n_init=MIXTURE_N_INIT, random_state=MODEL_SEED).fit(X)
    picked = X[[10, 222, 160, 40, 250]]
    proba = mixture.predict_proba(picked)
    order = np.argsort(mixture.means_[:, 0])  # left component first
    names = list("ABCDE")
    frame = pd.DataFrame({
        "customer": names,
        "P(left segment)": np.round(proba[:, order[0]], 2),
        "P(right segment)": np.round(proba[:, order[1]], 2),
    })  # fmt: skip
    unsure = int(np.argmin(np.abs(proba[:, 0] - 0.5)))
    caption = "predict_proba of a 2-component mixture for five customers"
    return Case(_table(frame, caption), unsure)


CASES = {
    function.__name__: function
    for function in (
        choose_k_curves,
        baseline_curves,
        restart_inertias,
        merge_heights,
        mixture_probabilities,
    )
}

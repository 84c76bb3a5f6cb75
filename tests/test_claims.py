"""Each claim a lesson's prose makes about its printed output, stated once, as a relation.

LESSONS maps a lesson to (values it prints, read as in ``notebook_outputs.py``; claims: the
condition each puts on them). ``quoted(x)``: the prose cites the printed ``x``. ``real``:
True only when test_lesson05_real_file.py applies lesson 5's rows to the real file."""

import re
from functools import cache, partial
from itertools import combinations

import pytest
from notebook_outputs import Every, Table, lesson_notebook, prose, read_values

FIVE_NAMES = "['Budget big spenders', 'Careful affluent', 'Premium', 'Standard', "
FIVE_NAMES += "'Value seekers']"


def overlap(rows, a, b):
    """How far the income ranges of segments a and b overlap (negative: a gap)."""
    ranges = {segment: (low, high) for segment, low, high in rows}
    return min(ranges[a][1], ranges[b][1]) - max(ranges[a][0], ranges[b][0])


# fmt: off
LESSONS = {
    "00_introduction": ({
        "ranges": Every(r"^(\d+)\s+([\d.]+)\s+([\d.]+)$", r"n_segments = "),
    }, {
        "0.1: segments 1 and 3, the two widest, share the longest stretch":
            "{r[0] for r in sorted(ranges, key=lambda r: r[2] - r[1])[-2:]} == {1, 3} and"
            " max(combinations(range(4), 2), key=lambda p: overlap(ranges, *p)) == (1, 3)",
        "0.1: segment 0 barely touches segment 2 (and no other)":
            "0 < overlap(ranges, 0, 2) < overlap(ranges, 1, 3) / 4 and overlap(ranges, 0, 1) <"
            " 0 and overlap(ranges, 0, 3) < 0",
    }),
    "01_scaling_encoding": ({
        "ana_ben": r"^distance Ana-Ben:\s+{N}",
        "ana_cleo": r"^distance Ana-Cleo:\s+{N}",
        "age_mean": r"raw units: age {N},",
        "age_median": r"^median pair\s+{N}$",
        "age_p99": r"^99th percentile\s+{N}$",
        "age_largest": r"^largest\s+{N}$",
        "age_ana_ben": r"^Ana and Ben: age's share {N}$",
        "neighbours": r"^neighbours further apart in income than in age: (\d+) of (\d+)$",
        "raw": r"^raw\s+{N}$",
        "standardised": r"^standardised\s+{N}$",
        "age_alone": r"^age alone\s+{N}$",
        "income_alone": r"^income alone\s+{N}$",
        "raw_vs_income": r"^raw vs income alone: ARI {N}$",
        "millions_share": r"^raw, income in \$ millions: age's share {N},",
        "millions_ari": r"^raw, income in \$ millions: .*ARI {N}$",
        "k_ratio": r"^income in k\$: income weighs {N} times as much",
        "best": r"^best ARI: (.+)$",
        "kept": Every(r"^(\w+Scaler)\s+the ordinary incomes keep\s+{N}%"),
        "smallest": Every(r"^\w+Scaler\s+smallest cluster: (\d+) customer"),
        "flagged": r"^flagged (\d+) customer",
        "gap": r"^gap between women and men after scaling: {N}",
        "scaled": r"^single-gender clusters with scaled gender: (\d+) of (\d+)$",
        "left_out": r"^single-gender clusters without gender: (\d+) of",
        "one_hot": r"^single-gender clusters with unscaled one-hot gender: (.+)$",
        "weights": Every(r"^(1\.00|0\.75|0\.50|0\.25)\s+(\d+)$"),
    }, {
        "to the formula Ben is Ana's near twin": "ana_ben < ana_cleo",
        "age weighs well under a millionth, on average and for the median pair":
            "age_mean < 1e-6 and age_median < 1e-6 and age_p99 < 0.0004",
        "Ana and Ben: thousands of times the average": "age_ana_ben > 1000 * age_mean",
        "most of the distance for the most similar incomes": "age_largest > 0.5",
        "income separates every pair of neighbouring segments better":
            "neighbours[0] == neighbours[1]",
        "scaling does worse; raw K-Means is K-Means on income alone":
            "raw > standardised and income_alone > age_alone and raw_vs_income == 1",
        "in $ millions K-Means clusters by age alone":
            "millions_share > 0.999 and millions_ari == age_alone and millions_ari <"
            " standardised < raw",
        "in k$ income weighs about four times as much and scores best":
            "3.5 <= k_ratio <= 4.5 and best == 'raw, income in k$'",
        "MinMax is the most fragile, Standard loses more than half, Robust keeps":
            "dict(kept)['MinMaxScaler'] < dict(kept)['StandardScaler'] < 50 and"
            " dict(kept)['RobustScaler'] > 99",
        "every scaler spends a cluster on the millionaire; 1.2's rule stops it":
            "len(smallest) == 6 and smallest[:3] == [1, 1, 1] and min(smallest[3:]) > 1 and"
            " flagged == 1",
        "scaled, women and men are two or more apart": "gap >= 2",
        "scaled gender splits every cluster; left out, none":
            "scaled[0] == scaled[1] and left_out == 0",
        "1.3: a weight of 0.5 or less splits none, more splits all":
            "len(weights) == 4 and all(n == (scaled[1] if w > 0.5 else 0) for w, n in weights)",
    }),
    "02_kmeans_from_scratch": ({
        "expansion": Every(r"^.*: (True|False)$", r"by_expansion ="),
        "class_loop": Every(r"^.*: (True|False)$", r"hand_centres, hand_labels"),
        "sklearn": Every(r"^.*: (True|False)$", r"theirs = KMeans(4"),
        "numpy_loops": Every(r"^.*: (True|False)$", r"numpy_result = kmeans_numpy"),
        "bincount": Every(r"^.*: (True|False)$", r"by_bincount ="),
        "iterations": (r"hand_centres, hand_labels", r"^iterations: (\d+) \(ours: (\d+)\)"),
        "start_groups": (r"start_groups =", r"lie in (\d+) of the 4 true groups"),
        "start_ari": (r"start_groups =", r"ARI with the true groups: {N}"),
        "steps": (r"start_groups =", r"^inertia per step: \[(.*)\]"),
        "random_stuck": (r"recipes = {", r"^random start, n_init=1\s+(\d+)"),
        "pp_stuck": (r"recipes = {", r"^k-means\+\+, n_init=1\s+(\d+)"),
        "restarts_stuck": (r"recipes = {", r"^random starts, n_init=10\s+(\d+)"),
        "stuck_ratio": (r"stuck run:", r"= {N} x the good run's"),
        "by_k": (r"inertia_by_k = {}", r"^inertia by K: (\{.*\})"),
        "stretched": r"ARI on the stretched blobs: {N}",
        "moons": r"ARI on the moons: {N}",
        "sizes": (r"X_outliers =", r"^cluster sizes: (\[.*\])"),
        "outlier_cluster": (r"X_outliers =", r"the outliers' cluster has (\d+)"),
        "largest": (r"X_outliers =", r"largest cluster has (\d+) .*blob has (\d+)"),
        "loose_taken": r"(\d+) of the 50 loose points are put with the tight",
        "at_start": (r"far_start = ", r"at the start: (\[.*\])"),
        "at_end": (r"relocated = KMeansScratch", r"at the end: (\[.*\])"),
        "plain_pp": (r"def plus_plus_start", r"plain k-means\+\+: (\d+) of 30"),
        "kept_empty": (r"def update_keeping_empty", r"^points per cluster: (\[.*\])"),
        "kept_inertia": (r"def update_keeping_empty", r"^inertia {N} vs {N} with"),
    }, {
        "every check against a reference prints True":
            "all(v and all(v) for v in [expansion, class_loop, sklearn, numpy_loops,"
            " bincount])",
        "the class stops when our loop does": "iterations[0] == iterations[1]",
        "a poor start still finds the groups; inertia never rises":
            "start_groups < 4 and start_ari == 1 and steps[-1] < steps[0] and steps =="
            " sorted(steps, reverse=True)",
        "single random starts get stuck, k-means++ and restarts do not":
            "random_stuck > 0 and pp_stuck == 0 and restarts_stuck == 0",
        "the stuck run is several times worse": "stuck_ratio >= 2",
        "inertia always falls as K grows":
            "[by_k[k] for k in sorted(by_k)] == sorted(by_k.values(), reverse=True)",
        "stretched and curved groups are cut wrongly": "stretched < 0.9 and moons < 0.9",
        "the outliers take a centre and two blobs merge":
            "outlier_cluster == sum(sizes) - 4 * largest[1] and largest[0] == 2 * largest[1]",
        "the tight group takes loose points": "loose_taken > 0",
        "the far centre starts empty and relocation fills it":
            "at_start[-1] == 0 and len(at_end) == 4 and min(at_end) > 0",
        "plain k-means++ gets stuck less often than random starts": "plain_pp < random_stuck",
        "2.3: an empty centre stays empty, two groups share one, inertia is worse":
            "0 in kept_empty and 2 * largest[1] in kept_empty and kept_inertia[0] >"
            " kept_inertia[1]",
    }),
    "03_choosing_k": ({
        "drops": Table(r'drop = blob_scores["inertia"].pct_change()'),
        "later_drop": r"^largest later drop, from K = 5 on: {N}%",
        "by_hand": r"^silhouette by hand: {N}",
        "samples": r"^silhouette_samples: {N}",
        "sil_pick": (r'print(f"silhouette picks K', r"^silhouette picks K = (\d+)"),
        "sil_best": (r'print(f"silhouette picks K', r"^its mean silhouette: {N}"),
        "knee": (r"knee_blobs = locator.knee", r": K = (\d+)$"),
        "knee_share": r"^K = 3 achieves {N}% of the drop",
        "gain_cost": r"^K = 4 adds {N}% more but uses {N}% more of the K range",
        "knees": Every(r"^K = (\d+\.\.\d+): knee at K = (\d+)"),
        "pieces": Every(r"^K = (\d+): clusters per true blob (\[[\d, ]+\]), true blobs"
                        r" per cluster (\[[\d, ]+\])"),
        "best_k": Table(r"print(best_k(blob_scores).to_string())"),
        "picks": Table(r"picks = pd.DataFrame("),
        "truth": r"^true 4 segments:\s+{N}",
        "k2": r"^K-Means, K = 2:\s+{N}",
        "k4": r"^K-Means, K = 4:\s+{N}",
        "lowest": r"^K-Means, lowest of K:\s+{N}",
        "square_4": r"^uniform square, K = 4:\s+{N}",
        "square_best": r"^uniform square, best of K:\s+{N}",
        "square_draws": r"^uniform square, K = 4, 20 draws: {N} to {N}$",
        "negative_k2": r"^share of negative silhouettes, K = 2: {N}%",
        "negative_truth": r"^true segments with negative values: (\d+) of (\d+)",
        "older_richer": r"^the older K = 2 cluster is also the richer one: (\w+)",
        "quiz_k3_k4": r"^blobs: K = 3 silhouette {N}, K = 4 silhouette {N}",
        "square": Table(r"square_scores = scores_per_k("),
        "square_knee": (r"square_scores = scores_per_k(", r"^knee: K = (\d+)$"),
        "raw": Table(r"raw_scores = scores_per_k("),
        "knee_grid": Table(r"knee_grid = pd.Series(knees)"),
        "different": r"^different answers: (.*)$",
        "customers": Table(r"customer_scores = scores_per_k("),
    }, {
        "the blobs' elbow is at 4: 3 -> 4 removes most of what is left":
            "drops['4'][0] < -80 and later_drop < 15",
        "the silhouette by hand equals scikit-learn's": "by_hand == samples",
        "silhouette picks 4 on the blobs, at about 0.85":
            "sil_pick == 4 and 0.84 <= sil_best <= 0.87",
        "the knee is below the silhouette's K: K = 3 has most of the drop":
            "knee < sil_pick and knee_share > 90 and gain_cost[0] < gain_cost[1]",
        "the knee moves with the range of K":
            "dict(knees)['1..10'] == knee < dict(knees)['2..10'] == sil_pick and"
            " dict(knees)['2..7'] == knee",
        "diagrams: a merge at 3, none at 4, splits at 5 and 6":
            "max({k: c for k, b, c in pieces}[3]) == 2 and all(max(b + c) == 1 for k, b, c in"
            " pieces if k == 4) and sorted({k: b for k, b, c in pieces}[5]) == [1, 1, 1, 2]"
            " and sorted({k: b for k, b, c in pieces}[6]) == [1, 1, 2, 2]",
        "every criterion picks 4 on the blobs":
            "{k: v[0] for k, v in best_k.items() if v} == {'silhouette': sil_pick,"
            " 'calinski_harabasz': sil_pick, 'davies_bouldin': sil_pick}",
        "on the customers silhouette picks 2 though the data were made with 4":
            "picks['silhouette'] == [4, 2] and picks['davies_bouldin'] == [4, 2] and"
            " picks['calinski_harabasz'] == [4, 4] and picks['knee, K = 1..10'][1] <"
            " picks['knee, K = 2..10'][1] == 4",
        "the truth scores below every K-Means clustering and the uniform square":
            "quoted(round(truth, 2)) and truth < lowest and truth < square_4 <= square_best"
            " and quoted(round(square_best, 2))",
        "over 20 draws of the square the truth stays below, K = 4 only just above":
            "truth < square_draws[0] and 0 < k4 - square_draws[1] < 0.05",
        "K = 2 is well above the no-cluster baseline, K = 4 only a little":
            "k2 - square_best > 0.1 and 0 < k4 - square_best < 0.1 and k4 < k2",
        "K = 2 is young versus old; the truth has negative tails":
            "negative_k2 < 2 and negative_truth == (3, 4) and older_richer is True",
        "the worked quiz: the blobs prefer 4 over 3": "quiz_k3_k4[0] < quiz_k3_k4[1]",
        "3.1: the uniform square has a knee but a flat silhouette":
            "square_knee > 1 and 0.35 <= min(v[0] for k, v in square.items() if k.isdigit()"
            " and int(k) >= 2) and max(v[0] for k, v in square.items() if k.isdigit() and"
            " int(k) >= 2) <= 0.41",
        "3.2: unscaled, the silhouette scores higher":
            "max(v[0] for k, v in raw.items() if k.isdigit()) > k2",
        "3.3: the knee moves from 2 to 3 from K = 1 and is 4 from K = 2":
            "[knee_grid[str(k)][0] for k in range(6, 11)] == [2, 2, 3, 3, 3] and"
            " {knee_grid[str(k)][1] for k in range(6, 11)} == {4} and different == [2, 3, 4]",
        "3.3: the answer quotes the customers' first fall in inertia":
            "f'inertia {round(customers[\"1\"][0])} -> {round(customers[\"2\"][0])}' in text",
        "cluster sizes are not a sign of a good K":
            "'similar thickness' not in text and \"The bands' thickness — the cluster sizes —"
            " is not a sign either way\" in text and 'bands of different thickness are not' in"
            " text",
    }),
    "04_four_algorithms": ({
        "best_ari": r"^best ARI: (.+)$",
        "best_sil": r"^best silhouette: (.+)$",
        "best_sil_no_noise": r"^best silhouette without noise: (.+)$",
        "dbscan": r"^DBSCAN \(knee eps\): (\d+) cluster\(s\), (\d+)% noise, ARI {N}$",
        "hdbscan": r"^HDBSCAN: (\d+) cluster\(s\), (\d+)% noise, ARI {N}$",
        "mixture_ari": r"^Gaussian mixture's ARI: {N}$",
        "too_large": r"^DBSCAN, eps=3 \(too large\): ARI (\S+)$",
        "too_small": r"^DBSCAN, eps=0.01 \(too small\): ARI (\S+)$",
        "tree_cut": r"AgglomerativeClustering\(n_clusters=4\): (\S+)$",
        "stretch": r"^longest stretch .* leaves (\d+)$",
        "linkages": r"^closest to the truth: (\w+) and (\w+) linkage$",
        "single_sizes": r"^cluster sizes with single linkage: (\[.*\])$",
        "grid_best": r"^best ARI in the grid: {N} at eps={N}, min_samples=\d+: (\d+) clusters,"
                     r" (\d+)% noise$",
        "knee": r"^eps at the knee \(min_samples=10\): {N}$",
        "one_from": r"^one cluster for every min_samples from eps={N} on$",
        "noise_sd": r"average customer: noise {N} sd, others {N} sd$",
        "lowest_bic": r"^lowest BIC: (\w+)$",
        "highest_ari": r"^highest ARI: (\w+)$",
        "bic_aic": r"^BIC picks (\d+) components, AIC picks (\d+)",
        "shapes": Every(r"^(\w+): DBSCAN \(knee eps\) ARI {N} with (\d+)% noise; single"
                        r" linkage ARI {N}; K-Means ARI {N}$"),
        "shape_sil": Every(r"^(moons|circles): best silhouette: (.+)$"),
        "knee_41": r"^knee eps: ([\d.]+); tight blobs in one cluster: (\w+)$",
        "eps_03": r"^eps=0.3: tight blobs in one cluster: (\w+); wide blob noise: (\d+)%$",
        "densities": Table(r"densities.round(3)"),
        "shared": r"^most shared pair: components (\d+ and \d+)$",
        "closest": r"^closest pair of component means: components (.+)$",
        "unsure": r"^(\d+) customers below 0.8$",
        "pairs": Every(r"^(\d and \d)\s+(\d+)$"),
        "ms4": r"^DBSCAN, min_samples=4\s+(\d+)\s+{N}\s+NaN\s+{N}$",
        "knee_4": r"^knee eps with min_samples=4: {N}$",
        "grid": Table(r"grid.pivot("),
    }, {
        "the mixture is closest to the truth; HDBSCAN's silhouette leaves out noise":
            "best_ari == 'Gaussian mixture' and best_sil == 'HDBSCAN' and best_sil_no_noise =="
            " 'K-Means'",
        "DBSCAN at the knee: one cluster, a few noise customers, ARI near 0":
            "dbscan[0] == 1 and 0 < dbscan[1] < 10 and abs(dbscan[2]) < 0.05",
        "HDBSCAN finds several clusters by calling many customers noise":
            "hdbscan[0] >= 2 and hdbscan[1] >= 20 and hdbscan[2] < mixture_ari",
        "both degenerate DBSCAN runs score exactly zero": "too_large == too_small == 0",
        "the tree cut is scikit-learn's and its longest stretch suggests two":
            "tree_cut == 1 and stretch == 2",
        "ward and average are best; single linkage swallows nearly everyone":
            "set(linkages) == {'ward', 'average'} and max(single_sizes) / sum(single_sizes) >"
            " 0.9",
        "the grid finds several clusters only below the knee, with much noise":
            "grid_best[1] < knee and grid_best[2] >= 2 and grid_best[3] > 20 and 0.5 <"
            " grid_best[0] < mixture_ari and abs(one_from - knee) < 0.1",
        "noise customers are far from the average customer": "noise_sd[0] > noise_sd[1]",
        "diag has the lowest BIC, full the highest ARI; neither picks four":
            "lowest_bic == 'diag' and highest_ari == 'full' and bic_aic[0] < 4 < bic_aic[1]",
        "on moons and circles density and single linkage win, silhouette doesn't":
            "len(shapes) == 2 and all(d == 1 and n == 0 and s == 1 and k < 0.5 for _, d, n, s,"
            " k in shapes) and all(best == 'K-Means' for _, best in shape_sil)",
        "4.1: one eps cannot suit both densities":
            "quoted(round(knee_41[0], 2)) and knee_41[1] is True and eps_03 == (False, 100)",
        "4.1: the others recover the blobs (ARI 0.96+), DBSCAN finds 2 of 3":
            "all(densities[n][0] == 3 and densities[n][3] >= 0.96 for n in ['K-Means',"
            " 'Agglomerative (ward)', 'HDBSCAN', 'Gaussian mixture']) and densities['DBSCAN"
            " (knee eps)'][0] == 2 and densities['DBSCAN (knee eps)'][3] < 0.6",
        "4.2: unsure customers sit between the closest components":
            "shared == closest and quoted(unsure) and quoted(dict(pairs)[shared]) and"
            " sum(dict(pairs).values()) == unsure",
        "4.3: min_samples=4 finds one cluster again, at a smaller knee eps":
            "ms4[0] == 1 and abs(ms4[2]) < 0.05 and quoted(f'{ms4[1]:.0%}') and knee_4 < knee"
            " and quoted(round(knee_4, 2)) and quoted(round(knee, 2))",
        "4.3: min_samples=5 gives one cluster from eps=0.25, where 10 found 5":
            "[grid[e][0] for e in ['0.25', '0.30', '0.40', '0.50']] == [1] * 4 and"
            " grid['0.20'][0] != 1 and grid['0.25'][1] > 1 and quoted(grid['0.25'][9]) and"
            " quoted(f'{grid[\"0.25\"][5]:.0%}')",
    }),
    "05_mall_case_study": ({
        "data": r"^data: (real file|replica)$",
        "recipe_split": r"^recipe: single-gender clusters: (\d+) of (\d+)$",
        "recipe": r"^recipe: mean silhouette \(K = 6.*: {N}$",
        "smallest_inertia": r"^recipe: smallest inertia at K = (\d+)$",
        "recipe_ks": r"^recipe: knee of the inertia curve \(K = 1..(\d+)\)",
        "knee": r"^behaviour: knee at K = (\d+)$",
        "sil_k": r"^behaviour: silhouette picks K = (\d+) ",
        "behaviour": r"^mean silhouette: income and score, K = 5: {N};",
        "bic_k": r"^mixture: lowest BIC at K = (\d+)$",
        "bic_gap": r"^mixture: BIC difference, K = 5 minus K = 4: {N}$",
        "reached": r"^mixture: single starts reaching .*: (\d+) of (\d+)$",
        "few": r"^mixture: 15 restarts at K = 4 .*: BIC {N}$",
        "bic": r"^mixture: BIC at K = 4: {N}, at K = 5: {N}$",
        "names_differ": r"^segment names are all different: (\w+)$",
        "names": Every(r"^(\w[\w ]+?) +\d+ customers, mean age"),
        "high_ages": r"^mean age, high spend: (\[.*\])$",
        "other_ages": r"^mean age, the others: (\[.*\])$",
        "women": r"^share of women: from (\d+)% to (\d+)%$",
        "single_segments": r"^single-gender segments: (\d+)$",
        "merged": r"^four components, well fitted, merge: (.*)$",
        "merged_few": r"^four components, 15 restarts, merge: (.*)$",
        "low_ages": r"^mean ages of the low-income segments: (\[.*\])$",
        "tops": r"^RFM: clusters holding .*: (\d) of (\d)$",
        "independent": r"^RFM independent: highest {N} at K = (\d+);.* by {N}$",
        "shuffled_k": r"^RFM independent, shuffled copies: highest at K = (\d+)$",
        "four_groups": r"^RFM four groups: highest {N} at K = (\d+);.* by {N}$",
        "samples": Every(r"^seed \d: (\[.*\]); RFM clusters again, ARI {N}$"),
        "split_5_2": r"^single-gender clusters: (\d+) of 6$",
        "spaces": Every(r"^silhouette in (.*): three-column clusters {N}, the recipe's"
                        r" clusters {N}$"),
        "margins": Every(r"^seed \d: highest {N} at K = (\d+), baseline peak at K = (\d+);"
                         r" clears the baseline by {N}$"),
    }, {
        "the cell says which file it read": "data == ('real file' if real else 'replica')",
        "four of the recipe's six clusters hold only women or only men":
            "recipe_split == (4, 6)",
        "the recipe's silhouette is about a third: modest": "0.3 <= recipe <= 0.37",
        "the inertia is smallest at the largest K tried": "smallest_inertia == recipe_ks",
        "the knee and the silhouette both pick K = 5": "knee == sil_k == 5",
        "the well-fitted mixture's BIC is lowest at four, a few points below five":
            "bic_k == 4 and 0 < bic_gap < 6",
        "only a minority of single starts reach the lowest BIC":
            "0 < reached[0] < reached[1] / 2",
        "15 restarts stop far above on the real file, suffice on the replica":
            "(quoted(few) and few > bic[1] + 10) if real else few == bic[0]",
        "50 default restarts find no lower BIC (measured, see the brief)":
            "bic[0] <= (1055.5 if real else 1067.6) and bic[1] <= (1058.7 if real else 1069.6)",
        "every segment gets a different name":
            "names_differ is True and str(sorted(names)) == FIVE_NAMES",
        "the segments with a high spending level are the youngest":
            "high_ages and max(high_ages) < min(other_ages)",
        "the share of women differs little: no segment is single-gender":
            "women[1] - women[0] < 25 and single_segments == 0",
        "with four well-fitted components the two low-income segments merge":
            "merged == [['Budget big spenders', 'Value seekers']]",
        "the poor 15-restart fit merges other segments on the real file":
            "not real or merged_few == [['Budget big spenders', 'Standard']]",
        "the low-income segments' mean ages differ by about twenty years":
            "17 <= abs(low_ages[1] - low_ages[0]) <= 23",
        "RFM: each of the three columns has its own top cluster": "tops == (3, 3)",
        "independent RFM: shuffled copies peak at the same K, almost as high":
            "independent[1] == shuffled_k and independent[2] <= 0.01",
        "with four real groups the curve peaks at 4, far above its baseline":
            "four_groups[1] == 4 and four_groups[2] > 0.3",
        "5.1: the same five names on every sample, ARI 0.85 or more":
            "len(samples) == 5 and all(str(n) == FIVE_NAMES and ari >= 0.85 for n, ari in"
            " samples)",
        "5.2: no cluster is single-gender now": "split_5_2 == 0",
        "5.2: each space favours its own clusters":
            "[s[0] for s in spaces] == ['three columns', \"the recipe's four\"] and"
            " spaces[0][1] > spaces[0][2] + 0.2 and spaces[1][2] > spaces[1][1] and"
            " round(spaces[1][2], 3) == round(recipe, 3)",
        "5.3: a quarter at the peak, and the shuffled copy peaks as high":
            "len(margins) == 3 and all(0.2 < h < 0.3 and k == kb and m < 0 for h, k, kb, m in"
            " margins)",
    }),
    "06_quiz": ({
        "at": Every(r"^second customer at (\d): a = {N}, b = {N}, by hand {N},"
                    r" scikit-learn {N}$"),
        "runs": Every(r"^loose spread {N}: (K-Means|Gaussian mixture): (\d+) of 50 loose"
                      r" customers with the tight group, ARI {N}$"),
    }, {
        "6.1: the value falls from 0.78 to 0.33 as a grows and b stays":
            "len(at) == 2 and at[0][1] < at[1][1] and at[0][2] == at[1][2] and all(h == s and"
            " quoted(f'{h:.2f}') for _, _, _, h, s in at) and at[0][3] > at[1][3]",
        "6.2: K-Means takes more loose customers as the spreads differ":
            "[n for s, m, n, a in runs if m == 'K-Means'] == sorted(n for s, m, n, a in runs"
            " if m == 'K-Means') and all(quoted(n) for s, m, n, a in runs if m == 'K-Means')",
        "6.2: the mixture takes at most one, keeps ARI 0.97+, beats K-Means":
            "len(runs) == 6 and all(n <= 1 and a >= 0.97 for s, m, n, a in runs if m !="
            " 'K-Means') and all(dict(((s, m), a) for s, m, n, a in runs)[s, 'Gaussian"
            " mixture'] > a for s, m, n, a in runs if m == 'K-Means')",
    }),
    "07_segments_in_practice": ({
        "distinct": r"^distinct names: (\d+) of (\d+)$",
        "size_kb": r"^size on disk: {N} kB$",
        "untrusted": r"^types skops does not trust by default: (.*)$",
        "same": r"^loaded model gives the same segments: (\w+)$",
        "incomes": Every(r"^income (\d+) k\$: (.+)$"),
        "distances": r"^mean distance: training {N}, later {N}$",
        "limit": r"^refit if the mean distance exceeds {N}",
        "no_shift": r"^no shift: refit (\w+)$",
        "distance_from": r"^distance crosses its limit from {N} k\$$",
        "alarm_distance": r"^of 200 quarters with no drift, over the distance limit: {N}%$",
        "alarm_share": r"^over the share limit: {N}%$",
        "alarm_any": r"^either \(the rule fires\): {N}%$",
        "shares_from": r"^shares cross their limit from {N} k\$$",
        "ratios": Every(r"^inertia of .* / KMeans: {N}$"),
        "fit_71": r"^segment: (.+); distance {N}, limit {N}$",
        "verdict_71": r"^(fits|fits no segment well)$",
        "limits": Table(r"limits = train.groupby"),
        "moved": r"^mean distance {N} \(limit {N}\)$",
        "share_move": r"^largest share move {N} \(limit {N}\)$",
        "gainer": r"^segment gaining most: (.+) \(\+[\d.]+\)$",
        "moves": Every(r"^(\w+ income, \w+ spend) +(-?[\d.]+)$"),
        "best_k": r"^best K: (\d+); silhouette {N} against {N} for one Gaussian",
    }, {
        "every segment gets its own name": "distinct[0] == distinct[1]",
        "the saved model is a few tens of kB and loads with no untrusted type":
            "size_kb < 100 and untrusted == [] and same is True",
        "only customers outside the mall's incomes (15-137 k$) are flagged":
            "len(incomes) == 7 and {v for i, v in incomes} == {'fits', 'fits no segment well'}"
            " and all((v == 'fits') == (i <= 137) for i, v in incomes)",
        "the shifted quarter sits further from the centres":
            "distances[0] < limit < distances[1]",
        "no false alarm; distances react before shares":
            "no_shift is False and distance_from < shares_from",
        "over 200 unchanged quarters the rule fires a few times, the distance more often":
            "0 < alarm_any <= 10 and alarm_share < alarm_distance <= alarm_any",
        "mini-batch and chunked centres are within 1% of KMeans' inertia":
            "len(ratios) == 2 and all(abs(r - 1) <= 0.01 for r in ratios)",
        "7.1: the customer fits the 99% limit, not the 95% one":
            "verdict_71 == 'fits' and limits[fit_71[0]][0] < fit_71[1] <= fit_71[2] and"
            " abs(limits[fit_71[0]][1] - fit_71[2]) < 0.01",
        "7.2: the distance fires, the share move stays under its limit":
            "moved[0] > moved[1] and share_move[0] < share_move[1]",
        "7.2: the low-spend segments gain, the others lose":
            "len(moves) == 5 and {n for n, m in moves if m > 0} == {'low income, low spend',"
            " 'high income, low spend'} and gainer == 'low income, low spend'",
        "7.3: four segments, well above the no-group cloud":
            "best_k[0] == 4 and best_k[1] > 1.5 * best_k[2]",
    }),
}
# fmt: on


def quoted(text: str, value) -> bool:
    """Whether ``text`` cites ``value`` (a number at its printed precision)."""
    if isinstance(value, str):
        return value in text
    numbers = re.findall(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w])", text)
    return any(float(number) == value for number in numbers)


def check(stem: str, claim: str, values: dict, text: str, real: bool) -> None:
    """Fail, naming the claim and the values, when ``claim``'s condition is false."""
    condition = LESSONS[stem][1][claim]
    names = {"combinations": combinations, "overlap": overlap, "FIVE_NAMES": FIVE_NAMES}
    names |= {**values, "text": text, "quoted": partial(quoted, text), "real": real}
    used = {k: v for k, v in values.items() if re.search(rf"\b{k}\b", condition)}
    assert eval(condition, names), f"{claim}: {condition}, with {used}"


@cache
def lesson_values(stem: str) -> tuple[dict, str]:
    notebook = lesson_notebook(stem)
    return read_values(notebook, LESSONS[stem][0]), prose(notebook)


@pytest.mark.parametrize(
    ("stem", "claim"), [(s, c) for s, (_, claims) in LESSONS.items() for c in claims]
)
def test_claim(stem, claim):
    check(stem, claim, *lesson_values(stem), real=False)

#!/usr/bin/python3
"""The scikit-learn reference pipeline (../shared/reference/sklearn_pipeline.py: TfidfVectorizer with
sublinear tf, English stop words, min_df 5, max_df 0.5; TruncatedSVD to 100 dimensions; L2 rows;
KMeans with one start) run once per seed, so the bench compares means of seeds with means of
seeds. The reference script fixes random_state=0; this one varies it for the SVD and k-means.
usage: sklearn_seeds.py CORPUS.jsonl[.gz] K SEED [SEED ...]
prints one JSON line per seed: {"seed", "k", "nmi", "ari", "seconds"} (seconds: SVD + k-means;
the TF-IDF, shared by the seeds, is on a first line {"tfidf_seconds", "docs"})."""
import sys, json, gzip, time
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import Normalizer
from sklearn.cluster import KMeans
from sklearn import metrics

path, k, seeds = sys.argv[1], int(sys.argv[2]), [int(s) for s in sys.argv[3:]]
op = gzip.open if path.endswith('.gz') else open
docs, labels = [], []
with op(path, 'rt', encoding='utf-8') as f:
    for line in f:
        r = json.loads(line)
        docs.append(r['title'] + '. ' + r['abstract'])
        labels.append(r['categories'].split(' ')[0])
t0 = time.time()
X = TfidfVectorizer(sublinear_tf=True, stop_words='english', min_df=5, max_df=0.5).fit_transform(docs)
print(json.dumps({'tfidf_seconds': time.time() - t0, 'docs': len(docs)}), flush=True)
for seed in seeds:
    t1 = time.time()
    Z = Normalizer(copy=False).fit_transform(TruncatedSVD(100, random_state=seed).fit_transform(X))
    km = KMeans(n_clusters=k, n_init=1, random_state=seed).fit(Z)
    print(json.dumps({
        'seed': seed, 'k': k,
        'nmi': metrics.normalized_mutual_info_score(labels, km.labels_),
        'ari': metrics.adjusted_rand_score(labels, km.labels_),
        'seconds': time.time() - t1,
    }), flush=True)

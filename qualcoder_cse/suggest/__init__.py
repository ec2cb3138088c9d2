"""Coding suggestions learned from the project's own coding, entirely offline (``project.suggestions``).

``units`` splits documents into sentences or turns, ``data`` reads the coding as training material,
``learner`` holds the scikit-learn part (hashed TF-IDF features, one logistic regression per code) and
``manager`` the domain API. Nothing here imports Qt, and nothing is written but codings and rejections.
"""

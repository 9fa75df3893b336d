# Notebook 06, sections 5 and 6 (jupytext percent format). The notebook's imports cell must provide:
# seed, lang (parameters); import pandas as pd; import matplotlib.pyplot as plt;
# import crmlab.datasets as datasets; from crmlab import plots, stats; from crmlab import value as val;
# from IPython.display import Markdown.
# %% [markdown]
# ## 5. Market-basket analysis (市场篮子分析)
#
# The course reading names **market-basket analysis (MBA)** as the second way to quantify customer
# value: from what customers buy *together*, a firm learns which offers to bundle, which items to
# place side by side and what to recommend next (cross-selling, 交叉销售). A **basket** (购物篮) is
# one shopping trip. For a rule "if a basket holds A, it also holds B" (A → B), over all baskets:
#
# - **support** (支持度) = share of baskets that hold A and B: is the pattern common enough to matter?
# - **confidence** (置信度) = support(A and B) / support(A) = P(B | A): how often A's buyers also take B;
# - **lift** (提升度) = confidence / support(B): how much more often B is bought with A than in any
#   basket; 1 means no association, and lift is the same for A → B and B → A.
#
# (Agrawal, Imielinski & Swami 1993; lift: Brin et al. 1997.) The data below are synthetic
# supermarket baskets in which the generator planted five rules; we will see whether the analysis
# finds them.

# %%
n_baskets = 5000  # baskets drawn for this section (the parameters cell may set it)
lines = datasets.generate("basket_lines", seed=seed, n_baskets=n_baskets).frame
lines.head()

# %% [markdown]
# One row is one item in one basket. By hand in pandas: a one-hot table with one row per basket
# and one True/False column per item (an item bought twice counts once).

# %%
onehot = pd.crosstab(lines["basket_id"], lines["item"]) > 0
n = len(onehot)
support = onehot.mean().sort_values(ascending=False)
support.head(8).round(3)

# %% [markdown]
# Now one rule by hand, cereal → milk: the share of baskets with both, divided by the share with
# cereal, gives the confidence; divided again by the share with milk, the lift.

# %%
both = (onehot["cereal"] & onehot["milk"]).mean()
confidence = both / onehot["cereal"].mean()
lift = confidence / onehot["milk"].mean()
print(f"support {both:.3f}, confidence {confidence:.3f}, lift {lift:.3f}")

# %% [markdown]
# The helper computes the same from whole counts, and adds leverage (support(A and B) minus what
# independence would give) and conviction:

# %%
r = val.rule_metrics(lines, "cereal", "milk")
print(f"{r.rule}: support {r.support:.3f}, confidence {r.confidence:.3f}, lift {r.lift:.3f}, "
      f"leverage {r.leverage:.3f}")

# %%
Markdown(
    f"Of the baskets with cereal, **{r.confidence:.0%}** also hold milk. That sounds strong, but milk is "
    f"in **{r.consequent_support:.0%}** of all baskets, so the lift is **{r.lift:.2f}**: cereal buyers take "
    f"milk {r.lift:.2f} times as often as shoppers in general. "
    + ("A high confidence can come from a consequent that is in most baskets anyway; lift corrects for that."
       if r.consequent_support > 0.3 else "Here the consequent is not common, so confidence and lift agree.")
)

# %% [markdown]
# ### Frequent itemsets and all rules (频繁项集与关联规则)
#
# Checking every possible rule by hand is impossible: 21 items give over a thousand itemsets of up
# to three items. The search keeps only **frequent itemsets**, those in at least `min_support` of
# the baskets, and uses the fact that a set can only be frequent if all its subsets are. The kit
# runs the H-Mine search of the maintained `mlxtend` library (Pei et al. 2007) and builds the rules
# from the itemsets in pandas, with the formulas above.

# %%
min_support = 0.01  # a rule must hold in at least 1% of the baskets
rules = val.association_rules(lines, min_support=min_support, max_len=2)
rules[["rule", "support", "confidence", "lift", "count"]].head(10).round(3)

# %% [markdown]
# The generator knows the truth; the planted rules against what the data show:

# %%
truth = datasets.generate("basket_lines", seed=seed, n_baskets=n_baskets).truth
planted = pd.DataFrame([
    {"rule": " + ".join(t["antecedent"]) + " → " + t["consequent"], "true_confidence": t["confidence"],
     "true_lift": t["lift"], "lift": val.rule_metrics(lines, t["antecedent"], t["consequent"]).lift}
    for t in truth["planted_rules"]])
planted.round(2)

# %%
fig, ax = plt.subplots(figsize=(7.5, 5), layout="constrained")
plots.rules_map(rules, ax=ax, lang=lang)
plt.show()

# %%
top = rules.sort_values(["lift", "confidence"], ascending=False, kind="stable").iloc[0]  # the surer direction
n_rules = len(rules)
far = planted.assign(err=(planted["lift"] / planted["true_lift"] - 1).abs())
Markdown(
    f"Of the **{n_rules}** rules that reach {min_support:.0%} support, the strongest by lift is "
    f"**{top['rule']}** (lift {top['lift']:.2f}, confidence {top['confidence']:.0%}, in {top['count']} "
    f"baskets; the reverse direction has the same lift). The planted lifts are recovered within **{far['err'].max():.0%}** on {n:,} baskets. "
    "Each pair appears twice, once in each direction, with the same support and lift but different "
    "confidences: the direction to act on (whom to show the offer) is the one with the higher confidence."
)

# %% [markdown]
# **Why a minimum support.** Lift of a rare itemset is noisy: with few baskets, chance alone gives
# large lifts. Lowering `min_support` brings in more rules, many of them an independent item
# riding along with a real pair. And testing hundreds of rules at once is a multiple-comparisons
# problem: some look strong by luck (Webb 2007 treats rules as hypotheses to test for that reason).
# The number of rules as the threshold falls:

# %%
for s in (0.02, 0.01, 0.005, 0.002):
    k = len(val.association_rules(lines, min_support=s, max_len=3))
    print(f"min_support {s:.3f}: {k} rules of up to 3 items")

# %% [markdown]
# A pairwise view: the lift of every pair of the most frequent items (white = 1, no association).

# %%
fig, ax = plt.subplots(figsize=(8, 6.5), layout="constrained")
plots.lift_heatmap(lines, ax=ax, lang=lang)
plt.show()

# %% [markdown]
# ## 6. Customer perceived value (客户感知价值)
#
# The third way to quantify customer value in the reading looks from the customer's side:
# **customer perceived value (CPV)** is what customers get against what it costs them,
#
# CPV = perceived benefits (感知利得) − perceived costs (感知利失).
#
# The benefits are the product, the service, the staff and the image (Kotler's *total customer
# value*); the costs are the price, the time and the effort it takes to buy (his *total customer
# cost*). This is the **difference form**, on the rating scale (1-7); the **ratio form**
# benefits / costs (Zeithaml 1988's "get" against "give") is `form="ratio"`. In a synthetic
# survey, customers of our firm (`us`) and of three rivals rated the firm they buy from most.

# %%
n_respondents = 1200  # respondents of the survey (the parameters cell may set it)
survey = datasets.generate("perceived_value_survey", seed=seed, n_respondents=n_respondents).frame
survey.head()

# %% [markdown]
# By hand: the mean of the benefit items minus the mean of the cost items, per respondent, then
# the mean per firm.

# %%
benefit_items = ["product_quality", "service_quality", "staff", "image"]
cost_items = ["price", "time_cost", "effort_cost"]
by_hand = survey[benefit_items].mean(axis=1) - survey[cost_items].mean(axis=1)
by_hand.groupby(survey["firm"]).mean().sort_values(ascending=False).round(3)

# %% [markdown]
# The helper gives the same, with the respondents per firm and a 95% interval of each mean:

# %%
cpv = val.cpv_by_group(survey)
cpv.round(3)

# %%
fig, ax = plt.subplots(figsize=(7, 4.2), layout="constrained")
plots.cpv_bars(cpv, ax=ax, lang=lang, focal="us")
plt.show()

# %% [markdown]
# Is our CPV really different from the best rival's? The interval of the **difference** answers
# that (Welch), not whether the two intervals overlap:

# %%
rival = cpv.drop(index="us")["cpv"].idxmax()
d, lo, hi = stats.diff_ci(cpv.loc["us", "cpv"], cpv.loc["us", "n"], cpv.loc[rival, "cpv"], cpv.loc[rival, "n"],
                          sd1=cpv.loc["us", "sd"], sd2=cpv.loc[rival, "sd"])
print(f"us - {rival}: {d:+.2f} points, 95% interval [{lo:+.2f}, {hi:+.2f}]")

# %%
side = ("higher than" if lo > 0 else "lower than" if hi < 0 else "not clearly different from")
Markdown(
    f"Our customers see a CPV of **{cpv.loc['us', 'cpv']:+.2f}** points (benefits "
    f"{cpv.loc['us', 'perceived_benefits']:.2f} minus costs {cpv.loc['us', 'perceived_costs']:.2f}), "
    f"**{side}** the best rival, {rival} ({cpv.loc[rival, 'cpv']:+.2f}): the difference is {d:+.2f} "
    f"[{lo:+.2f}, {hi:+.2f}]. With three rivals, three such comparisons are made; a Bonferroni "
    "correction would use 98.3% intervals for each."
)

# %% [markdown]
# ### The customer value map (客户价值图)
#
# CPV is absolute: it does not say how a firm stands against its rivals. Gale (1994, *Managing
# Customer Value*) puts each firm on a **customer value map**: its perceived quality and its
# perceived price, each **relative to the competitors** (the firm's score divided by the mean score
# of the other firms). The **fair-value line** through (1, 1) is where price matches quality; a
# firm below it offers **better value** (more quality for the price), above it **worse value**.
# The kit draws the line with slope 1 (x% more quality justifies x% more price); Gale derives the
# slope from how customers in the market weigh quality against price, so the slope is an
# assumption to state, not a fact. By hand, for our firm:

# %%
quality = survey[benefit_items].mean(axis=1).groupby(survey["firm"]).mean()
price = survey.groupby("firm")["price"].mean()
rq = quality["us"] / quality.drop("us").mean()
rp = price["us"] / price.drop("us").mean()
print(f"relative quality {rq:.3f}, relative price {rp:.3f}, value gap {1 + (rq - 1) - rp:+.3f}")

# %%
vmap = val.value_map(survey)
vmap.round(3)

# %%
fig, ax = plt.subplots(figsize=(6.5, 6), layout="constrained")
plots.value_map_plot(vmap, ax=ax, lang=lang, focal="us")
plt.show()

# %%
us = vmap.loc["us"]
best_cpv = cpv["cpv"].idxmax()
where = {"better_value": "below the fair-value line: customers get more quality than our price asks (better value)",
         "fair_value": "on the fair-value line: our price matches our quality",
         "worse_value": "above the fair-value line: worse value, a price our quality does not justify"}
contrast = (f" The firm with the highest CPV, {best_cpv}, sits at relative quality "
            f"{vmap.loc[best_cpv, 'relative_quality']:.2f} and price {vmap.loc[best_cpv, 'relative_price']:.2f} "
            f"({vmap.loc[best_cpv, 'position'].replace('_', ' ')}): CPV also counts time and effort and is "
            "absolute, while the map weighs quality against price relative to the rivals."
            if best_cpv != "us" else " We also have the highest CPV of the four firms.")
Markdown(
    f"Our relative quality is **{us['relative_quality']:.2f}** and our relative price **{us['relative_price']:.2f}**, "
    f"a value gap of **{us['value_gap']:+.2f}**: we are {where[us['position']]}." + contrast
)

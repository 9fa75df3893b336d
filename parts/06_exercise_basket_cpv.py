# Exercise 06, market-basket and perceived-value questions (jupytext percent format).
# The exercise's imports cell must provide: seed; from crmlab import value as val;
# from crmlab.checks import value as check (with the basket checks folded in); and
# data = check.exercise_data(seed) holding "lines" and "value_survey" (basket_exercise_data).

# %% [markdown]
# ### Market baskets (市场篮子分析)
#
# `lines` holds one row per item in a basket (`basket_id`, `item`).
#
# **Q7.** What is the **lift** of the rule cereal → milk? Give a number to 2 decimals (answers
# within 1% count).

# %%
lines = data["lines"]

# %%
# Solution: q7
onehot = pd.crosstab(lines["basket_id"], lines["item"]) > 0
both = (onehot["cereal"] & onehot["milk"]).mean()
q7 = round(both / (onehot["cereal"].mean() * onehot["milk"].mean()), 2)
q7

# %%
check.q7_rule_lift(q7, lines)

# %% [markdown]
# **Q8.** Among the itemsets of two or three items that are in **at least 2% of the baskets**,
# which one has the highest lift? Give its items as a list of names, e.g. `["bread", "milk"]`.

# %%
# Solution: q8
rules = val.association_rules(lines, min_support=0.02, max_len=3)
q8 = sorted(rules.iloc[0]["antecedent"].split(" + ") + rules.iloc[0]["consequent"].split(" + "))
q8

# %%
check.q8_top_itemset(q8, lines)

# %% [markdown]
# ### Customer perceived value (客户感知价值)
#
# `value_survey` holds one row per respondent, who rated the firm they buy from most (`firm`:
# `us` and three rivals) on benefit items (product_quality, service_quality, staff, image) and
# cost items (price, time_cost, effort_cost), 1-7.
#
# **Q9 (written, graded with a rubric).** Draw the customer value map and compute each firm's
# CPV (benefits − costs). In 4-6 sentences: where do we stand on the map (quote our relative
# quality, relative price and value gap), how does that compare with the CPV ranking, and should
# we cut our price? Name one limitation of the analysis.

# %%
survey = data["value_survey"]
vmap = val.value_map(survey)
cpv = val.cpv_by_group(survey)
vmap.round(3), cpv.round(3)

# %%
# Solution: q9
us = vmap.loc["us"]
best = cpv["cpv"].idxmax()
q9 = (f"On the value map our relative quality is {us['relative_quality']:.2f} and our relative price "
      f"{us['relative_price']:.2f}, a value gap of {us['value_gap']:+.2f}: we are "
      f"{us['position'].replace('_', ' ')}, below the fair-value line when the gap is positive. "
      f"By CPV the best firm is {best} ({cpv.loc[best, 'cpv']:+.2f} points against our "
      f"{cpv.loc['us', 'cpv']:+.2f}); CPV also counts time and effort costs and is absolute, while the map "
      "weighs quality against price relative to the rivals, so the two rankings need not agree. "
      + ("Since customers already get more quality than our price asks, cutting the price would give away margin; "
         "better to make our value visible, or even raise the price towards the line, and to cut the time and "
         "effort it costs to buy from us. " if us["value_gap"] > 0 else
         "Since our price is above what our quality justifies, we should either raise the perceived quality "
         "(service, staff) or move the price towards the line, and cut the time and effort it costs to buy. ")
      + "Limitation: the fair-value line's slope of 1 is an assumption, and "
      "each firm is rated only by its own customers, so firm differences need the interval of the difference.")

# %%
check.q9_value_reading(q9)

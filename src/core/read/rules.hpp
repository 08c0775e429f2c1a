// Evaluates ScoringRules and recognises them in the 评价标准 text typed into a table.
//
// Boundary semantics (docs/templates.md has the user-facing version):
//  * StepBelowThreshold: full weight when value > threshold (value ≥ threshold if `inclusive`). Otherwise
//    deficit = threshold − value and
//      partialSteps == false: steps = floor(deficit / step)          — only completed steps deduct;
//      partialSteps == true : steps = max(1, ceil(deficit / step))   — a started step deducts, and so does
//                             sitting exactly on an exclusive threshold ("大于90%得满分": 90 is not full).
//    score = max(0, weight − steps × deduction).
//  * WeightShareBelowThreshold: full weight when value ≥ threshold (> if !inclusive); zero when value <
//    zeroBelow (≤ if zeroInclusive); otherwise weight × (1 − (threshold − value) × weightShare), i.e. each
//    point below deducts weightShare of the weight, partial points pro rata.
//  * Proportional: min(weight, measured / target × weight); 0 for a negative measured value.
//  * Bands: the band with the highest `atLeast` ≤ measured; below every band → 0; capped at the weight.
//  * Checklist: measured = number of failed items; weight − failed × deduction, never below 0; `severe` → 0.
//  * Judgement: nullopt — a person scores it.
// Every result is rounded half-up to two decimals.
#pragma once

#include "core/model/rule.hpp"
#include "core/text/decimal.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

// nullopt for Judgement, for an ill-formed rule (step ≤ 0, target ≤ 0, no bands) and on arithmetic overflow.
std::optional<Decimal> suggestedScore(const ScoringRule& rule, Decimal weight, Decimal measured,
                                      bool severe = false);

struct RuleRecognition {
    // Set when the text was understood: a computable rule, or Judgement for "按…实现程度计算得分".
    std::optional<ScoringRule> rule;
    bool computable = false; // suggestedScore can score it from a measured value
    std::string why;         // English, for logs and tooltips: what was recognised or why not
};

// Recognises the common phrasings of a 评价标准 cell (full- or half-width, Arabic or Chinese numerals for
// the deduction). `weight` is the indicator's 分值; it is recorded in `why` and used for sanity checks only.
RuleRecognition recogniseRule(std::string_view standardText, Decimal weight);

// items × deduction for a Checklist (the most a checklist can deduct), 0 for every other kind. A checklist
// whose text enumerates no ①②③ items has items == 0: its maximum is unknown, so callers comparing this with
// the weight should skip rules with items == 0.
Decimal maxChecklistDeduction(const ScoringRule& rule);

} // namespace jixiao

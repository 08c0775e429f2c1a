// The grade bands a report is graded with, as they travel in the report: a readable text kept as a document
// property ("优秀 ≥ 90；良好 ≥ 80；中 ≥ 60；差 < 60"), so the grade a finished report states stays the grade
// it was given, whatever the options of the office that opens it say later.
//
// Which bands grade a report: the ones stored in it; else the ones its Calc grade formula of Jixiao's holds;
// else, for a table that states a grade the options' bands would change but the default bands give (a
// report graded before the options changed, or before bands were stored), the defaults; else the options'
// bands; else the defaults. When the report's bands differ from the options', the user is asked before it
// is re-graded (never silently).
#pragma once

#include "core/model/scorecard.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace jixiao {

// "优秀 ≥ 90；良好 ≥ 80；中 ≥ 60；差 < 60": highest band first; a lowest band starting at 0 is written
// "< the band above it".
std::string formatGradeBands(const std::vector<GradeBand>& bands);

// Reads formatGradeBands' text back. Also takes ">=" for "≥", "<" or "＜", ";" or "；" or "," or "，"
// between bands and any spaces. nullopt for text that is not a band list or states an inconsistent one
// (gradeBandsProblem); a "< N" band must be the last and N the bound of the band above it.
std::optional<std::vector<GradeBand>> parseGradeBands(const std::string& text);

// What is wrong with a set of bands, as a catalog key (ui.json, "grades.*"); empty when it is consistent:
// every bound within 0‥100 ("grades.out-of-range"), bounds strictly descending in the order given — two
// equal bounds make two bands claim the same scores ("grades.overlapping"), a higher bound after a lower
// one is "grades.not-descending"; at least one band, each with a label ("grades.empty").
std::string gradeBandsProblem(const std::vector<GradeBand>& bands);

// 优秀, 良好 and 中 from their lower bounds (the options page's three fields), 差 below.
std::vector<GradeBand> gradeBandsFromThresholds(Decimal excellent, Decimal good, Decimal pass);

// The options' bands from their three thresholds as the configuration holds them (binary doubles): each
// through its decimal text to two places, so 97.5 stays 97.5 and never becomes 97.4999…; a value that is no
// number (NaN, infinity) is out of range, so gradeBandsProblem refuses the set and the defaults grade.
std::vector<GradeBand> gradeBandsFromOptions(const std::array<double, 3>& thresholds);

// The bands a Calc grade formula of Jixiao's holds (calcLiveFormulas, core/derive/recompute.hpp):
// =IF(G24="";"";IF(G24>=90;"优秀";IF(G24>=80;"良好";IF(G24>=60;"中";"差")))) gives 优秀 ≥ 90 … 差 < 60.
// nullopt for any other formula (a user's own, or one edited by hand) and for inconsistent bands.
std::optional<std::vector<GradeBand>> gradeBandsOfFormula(const std::string& formula);

enum class GradeBandsSource {
    Stored,   // the report's own (its property)
    Stated,   // what the table states: its grade formula's, else the defaults when its grade is theirs and
              // not the options'
    Options,  // the options' (the report has none of its own yet)
    Defaults, // the options' are inconsistent
};

struct GradeBandsChoice {
    std::vector<GradeBand> bands = defaultGradeBands(); // what the report is graded with
    GradeBandsSource source = GradeBandsSource::Defaults;
    std::vector<GradeBand> options = defaultGradeBands(); // the options' bands (the defaults if inconsistent)
    // The report keeps bands other than the options': re-grading it with the options' is the user's choice.
    bool differsFromOptions() const { return bands != options; }
    friend bool operator==(const GradeBandsChoice&, const GradeBandsChoice&) = default;
};

// `stored`: the report's property text (empty when it has none); `options`: the options' bands;
// `stated`: the table's 合计 得分 and 等级 as written, and `gradeFormula` its 等级 cell's formula (to
// recognise a report graded before bands were stored).
GradeBandsChoice chooseGradeBands(const std::string& stored, const std::vector<GradeBand>& options,
                                  const Totals& stated = {}, const std::string& gradeFormula = {});

// The same report's choice under other options (the deck's summary after the options changed, before the
// report is read again): bands it keeps of its own or states stay; bands it took from the options follow
// them.
GradeBandsChoice withOptions(GradeBandsChoice choice, const std::vector<GradeBand>& options);

} // namespace jixiao

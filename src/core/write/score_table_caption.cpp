#include "core/write/score_table_caption.hpp"

#include "core/read/report_title.hpp"

#include <string>

namespace jixiao {
namespace {

constexpr std::string_view kDepartment = "department";

} // namespace

Message scoreTableCaption(const Metadata& meta, std::string_view kind) {
    const bool department = kind == kDepartment;
    Message message;
    message.key = department ? "table.caption-department" : "table.caption";
    if (!meta.year)
        message.key += "-no-year";
    message.args["unit"] = meta.unit;
    if (meta.year)
        message.args["year"] = std::to_string(*meta.year);
    if (!department)
        message.args["project"] = projectInTitle(meta.project);
    return message;
}

Message finalScoreTableCaption(const Metadata& meta, std::string_view kind) {
    if (!captionNamesSubject(meta, kind))
        return {"table.caption-generic", {}};
    return scoreTableCaption(meta, kind);
}

bool captionNamesSubject(const Metadata& meta, std::string_view kind) {
    return !meta.unit.empty() && (kind == kDepartment || !meta.project.empty());
}

} // namespace jixiao

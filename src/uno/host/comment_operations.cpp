// Operations::addFindingsAsComments: findings as the document's own comments. The core decides what to add,
// remove and keep (core/check/finding_comments.hpp); this reads the comments, applies the plan as one undo
// step and keeps the record of what Jixiao wrote in the document.
#include "uno/base/extension_data.hpp"
#include "uno/base/undo_context.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/document_comments.hpp"
#include "uno/host/document_properties.hpp"
#include "uno/host/operations.hpp"

#include "core/check/finding_comments.hpp"
#include "core/read/document_language.hpp"

#include <map>

using css::uno::Reference;

namespace jixiao::office {
int Operations::addFindingsAsComments(const Reference<css::frame::XModel>& model) const {
    requireEditable(model);
    const auto& extension = ExtensionData::get(context_);
    const auto data = read(model);
    // Worded in the report's language, as its sections are: the unit's staff read them, not the reviewer's
    // office.
    const std::string lang = documentLanguage(data.paragraphs, data.card).value_or(extension.lang);
    const std::map<Severity, std::string> labels{
        {Severity::Error, extension.ui.format(lang, "severity.error")},
        {Severity::Warning, extension.ui.format(lang, "severity.warning")},
        {Severity::Info, extension.ui.format(lang, "severity.info")}};

    auto comments = makeDocumentComments(context_, model);
    CommentPlanInput input;
    input.wanted = wantedComments(validate(data, lang), labels);
    input.existing = comments->read();
    for (const auto& language : extension.ui.languages())
        input.authors.insert(extension.ui.format(language, "comment.author"));
    input.record = parseCommentRecord(readCommentRecord(model));
    input.authorsKept = comments->authorsKept();
    input.oneCommentPerAnchor = comments->oneCommentPerAnchor();
    const CommentPlan plan = planComments(input);
    if (plan.add.empty() && plan.remove.empty())
        return 0; // nothing changes: no undo step

    comments->checkEditable(plan.remove, plan.add);
    // Before the comments: should one of them fail half-way (a cell gone meanwhile), those already added are
    // still known as Jixiao's next time. Not an undo step: a fingerprint recorded for a comment that is not
    // there (undone, or never added) is harmless (core/check/finding_comments.hpp).
    writeCommentRecord(model, formatCommentRecord(plan.record));
    const std::string author = extension.ui.format(lang, "comment.author");
    UndoContext undo(model, fromUtf8(ui("undo.add-comments")));
    ControllerLock lock(model);
    comments->remove(plan.remove);
    for (const auto& comment : plan.add)
        comments->add(comment, author);
    return static_cast<int>(plan.add.size());
}

} // namespace jixiao::office

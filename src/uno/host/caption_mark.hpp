// The name that marks a caption Jixiao wrote, shared by Writer's bookmark (writer_caption.hpp) and Calc's
// named range (calc_caption.hpp): "JixiaoCaption_<fingerprint of the text as written>_<n>".
#pragma once

#include "core/text/fingerprint.hpp"
#include "uno/base/ustring.hpp"

#include <string>
#include <string_view>

namespace jixiao::office {

inline constexpr std::string_view kCaptionMarkPrefix = "JixiaoCaption_";
inline constexpr std::size_t kCaptionFingerprintLength = 16; // core/text/fingerprint.hpp

// The name of the n-th mark of a caption whose text (paragraph or cell) is `text`.
inline std::string captionMarkName(const std::string& text, int n) {
    return std::string(kCaptionMarkPrefix) + textFingerprint(text) + "_" + std::to_string(n);
}

// The fingerprint a caption mark carries; empty for any other name.
inline std::string captionMarkFingerprint(const OUString& markName) {
    const std::string name = toUtf8(markName);
    if (name.size() < kCaptionMarkPrefix.size() + kCaptionFingerprintLength ||
        name.compare(0, kCaptionMarkPrefix.size(), kCaptionMarkPrefix) != 0)
        return {};
    return name.substr(kCaptionMarkPrefix.size(), kCaptionFingerprintLength);
}

} // namespace jixiao::office

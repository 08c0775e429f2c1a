// Conversions between LibreOffice's UTF-16 OUString and the core's UTF-8 std::string.
#pragma once

#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include <string>
#include <string_view>

namespace jixiao::office {

// The SDK exposes the bare names only to LibreOffice's own code (LIBO_INTERNAL_ONLY).
using ::rtl::OString;
using ::rtl::OUString;

inline std::string toUtf8(const OUString& text) {
    const OString utf8 = OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return {utf8.getStr(), static_cast<std::size_t>(utf8.getLength())};
}

// The SDK hides Sequence's initializer-list constructor from extensions; this builds a one-element one.
template <typename T> css::uno::Sequence<T> sequenceOf(const T& element) {
    return css::uno::Sequence<T>(&element, 1);
}

inline OUString fromUtf8(std::string_view text) {
    return OStringToOUString(OString(text.data(), static_cast<sal_Int32>(text.size())),
                             RTL_TEXTENCODING_UTF8);
}

} // namespace jixiao::office

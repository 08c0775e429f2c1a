#include "cli/stored_copy.hpp"

#include "uno/ustring.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/IOException.hpp>
#include <osl/file.hxx>

namespace jixiao::cli {

using css::uno::Reference;
using office::fromUtf8;
using office::OUString;

void storeCopy(const Reference<css::uno::XComponentContext>& /*office*/,
               const Reference<css::frame::XModel>& document, const std::string& filterName,
               const std::filesystem::path& target) {
    OUString url;
    if (osl::FileBase::getFileURLFromSystemPath(fromUtf8(std::filesystem::absolute(target).string()), url) !=
        osl::FileBase::E_None)
        throw css::io::IOException("not a file path: " + fromUtf8(target.string()));
    css::uno::Sequence<css::beans::PropertyValue> args(2);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= fromUtf8(filterName);
    args.getArray()[1].Name = "Overwrite"; // the staging folder is ours: a leftover of an earlier try goes
    args.getArray()[1].Value <<= true;
    Reference<css::frame::XStorable>(document, css::uno::UNO_QUERY_THROW)->storeToURL(url, args);
}

} // namespace jixiao::cli

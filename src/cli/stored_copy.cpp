#include "cli/stored_copy.hpp"

#include "cli/process.hpp"
#include "cli/safe_files.hpp"
#include "uno/base/ustring.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <osl/file.hxx>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fs = std::filesystem;

namespace jixiao::cli {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using office::fromUtf8;
using office::OUString;

void storeTo(const Reference<css::frame::XModel>& model, const std::string& filterName,
             const std::string& path, bool overwrite) {
    OUString url;
    if (osl::FileBase::getFileURLFromSystemPath(fromUtf8(fs::absolute(path).string()), url) !=
        osl::FileBase::E_None)
        throw std::runtime_error(path + ": not a file path");
    css::uno::Sequence<css::beans::PropertyValue> args(2);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= fromUtf8(filterName);
    args.getArray()[1].Name = "Overwrite";
    args.getArray()[1].Value <<= overwrite;
    Reference<css::frame::XStorable>(model, UNO_QUERY_THROW)->storeToURL(url, args);
}

RegularFile takeStaged(const std::string& staging) {
    RegularFile file = openRegular(staging, false);
    ::unlink(staging.c_str());
    if (!file)
        throw std::runtime_error(staging + ": " +
                                 (file.notRegular ? "not a regular file" : std::strerror(file.error)));
    return file;
}

void storeCopy(const Reference<css::frame::XModel>& model, const std::string& filterName,
               const std::string& staging, const fs::path& target) {
    if (staging == target.string()) { // a borrowed office writes where it is told
        struct stat existing {};
        if (::lstat(staging.c_str(), &existing) == 0)
            throw StoredCopyExists(staging);
        storeTo(model, filterName, staging, false);
        return;
    }
    ::unlink(staging.c_str()); // a leftover of an earlier store that failed half-way
    try {
        storeTo(model, filterName, staging, true);
    } catch (...) {
        ::unlink(staging.c_str());
        throw;
    }
    const RegularFile from = takeStaged(staging);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) {
        const int error = errno;
        ::close(from.fd);
        throw std::runtime_error(folder.string() + ": " + std::strerror(error));
    }
    const bool ok =
        copyAtomically(dir, target.filename().string(), from.fd, false, [] { return interruption() == 0; });
    const int error = errno;
    ::close(from.fd);
    ::close(dir);
    if (!ok && error == EEXIST)
        throw StoredCopyExists(target.string());
    if (!ok)
        throw std::runtime_error(target.string() + ": " + std::strerror(error));
}

} // namespace jixiao::cli

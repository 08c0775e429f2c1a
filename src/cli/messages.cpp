#include "cli/messages.hpp"

#include <array>
#include <utility>

namespace jixiao::cli {
namespace {

constexpr std::array kTexts = std::to_array<std::pair<Msg, std::string_view>>({
    {Msg::Usage,
     "用法 / usage: jixiao-batch [选项 / options] 文件|文件夹|通配符 / FILE|DIR|GLOB …\n"
     "       jixiao-batch build --from scorecard.json --out report.odt|.docx|.pdf\n"
     "检查绩效评价报告（.docx .doc .odt .xlsx .xls .ods），只读打开，不修改文件。\n"
     "Checks performance-evaluation reports read-only; input files are never written.\n"
     "  --jobs N            并行的 LibreOffice 进程数 / offices working in parallel (1)\n"
     "  --timeout SECONDS   每个文件的时限 / time limit per file (60)\n"
     "  --format text|json|csv  汇总格式 / summary format (text)\n"
     "  --output FILE       汇总写入文件 / write the summary to FILE (stdout)\n"
     "  --export-json DIR   导出每份报告的打分表 JSON / write each report's scorecard JSON\n"
     "  --oxt PATH          要安装的扩展 / the extension to install (next to this program)\n"
     "  --rdb PATH          扩展的类型库 / the extension's type library (next to the .oxt)\n"
     "  --connect HOST:PORT 使用已运行且装有扩展的 LibreOffice / use a running office with Jixiao installed\n"
     "  --locale TAG        界面语言 / office UI language (zh-CN)\n"
     "  --memory-limit MB   每个 LibreOffice 的内存上限 / address-space limit of each office (4096)\n"
     "  --                  其后的参数都是文件 / every argument after it is a file\n"
     "退出码 / exit code: 0 无错误 / no errors, 1 有错误级问题 / error-level findings, "
     "2 有文件无法读取或无打分表 / a file could not be read or holds no scoring table, "
     "3 用法或启动失败 / usage or start-up failure, 130 已中断 / interrupted (Ctrl-C)"},
    {Msg::BuildUsage, "用法 / usage: jixiao-batch build --from scorecard.json --out report.odt|.docx|.pdf "
                      "[--oxt PATH] [--rdb PATH] [--connect HOST:PORT] [--timeout SECONDS]"},
    {Msg::UnknownOption, "未知选项 / unknown option: {1}"},
    {Msg::MissingValue, "选项缺少参数 / option needs a value: {1}"},
    {Msg::BadNumber, "不是有效的正整数 / not a positive whole number: {1} {2}"},
    {Msg::BadFormat, "格式只能是 text、json 或 csv / format must be text, json or csv: {1}"},
    {Msg::NoInputs, "没有要检查的文件 / no files to check"},
    {Msg::NotFound, "文件不存在 / no such file or folder"},
    {Msg::UnsupportedType, "不支持的文件类型 / not a supported file type (.docx .doc .odt .xlsx .xls .ods)"},
    {Msg::NoMatch, "通配符没有匹配的文件 / the pattern matches no file"},
    {Msg::OfficeStartFailed, "无法启动 LibreOffice / LibreOffice did not start: {1}"},
    {Msg::InstallFailed, "扩展安装失败 / installing the extension failed: {1}"},
    {Msg::OpenFailed, "LibreOffice 无法打开此文件 / LibreOffice could not open the file{1}"},
    {Msg::Timeout, "超时（{1} 秒），LibreOffice 已重启 / timed out after {1} s; the office was restarted"},
    {Msg::BuildTimeout, "超时（{1} 秒），LibreOffice 已终止 / timed out after {1} s; the office was stopped"},
    {Msg::OfficeDied, "LibreOffice 进程退出，已重启 / the office died and was restarted: {1}"},
    {Msg::CallFailed, "检查失败 / the check failed: {1}"},
    {Msg::NoOffice, "没有可用的 LibreOffice / no office left to check the file: {1}"},
    {Msg::NoScorecard, "未读到打分表 / no scoring table read: {1}"},
    {Msg::RdbMissing, "找不到扩展的类型库 / the extension's type library was not found: {1}"},
    {Msg::OxtMissing, "找不到扩展 / the extension was not found: {1}"},
    {Msg::ReadJsonFailed, "无法读取 JSON / cannot read the JSON: {1}"},
    {Msg::BadOutputType, "输出只能是 .odt、.docx 或 .pdf / the output must be .odt, .docx or .pdf: {1}"},
    {Msg::StoreFailed, "保存失败 / storing failed: {1}"},
    {Msg::Wrote, "已写入 / wrote {1}"},
    {Msg::WriteFailed, "无法写入 / cannot write {1}"},
    {Msg::HeaderFile, "文件 / file"},
    {Msg::HeaderTotal, "总分 / total"},
    {Msg::HeaderGrade, "等级 / grade"},
    {Msg::HeaderErrors, "错误 / errors"},
    {Msg::HeaderWarnings, "警告 / warnings"},
    {Msg::HeaderStatus, "状态 / status"},
    {Msg::StatusOk, "已检查 / checked"},
    {Msg::StatusFailed, "失败 / failed"},
    {Msg::SummaryLine,
     "共 {1} 个文件：{2} 个有错误，{3} 个无法读取，{4} 个无打分表 / {1} files: {2} with errors, "
     "{3} not read, {4} with no scoring table"},
    {Msg::Restarted, "LibreOffice 已重启 / office restarted ({1})"},
    {Msg::StatusNoTable, "无打分表 / no scoring table"},
    {Msg::StatusInterrupted, "未检查（已中断）/ not checked (interrupted)"},
    {Msg::InterruptedLine, "已中断：{1} 个文件未检查 / interrupted: {1} files not checked"},
    {Msg::PasswordProtected, "文件有密码保护，无法检查 / the file is password-protected"},
    {Msg::ExportExists,
     "导出文件已存在或是链接，不会覆盖 / the export file exists or is a link; it is not overwritten: {1}"},
    {Msg::LinkNotFollowed, "文件夹中的符号链接，未跟随 / a symbolic link inside a folder; not followed"},
    {Msg::CannotRead, "无法读取文件 / cannot read the file: {1}"},
    {Msg::TooLarge,
     "文件过大：LibreOffice 超出内存上限（{1} MB），已重启 / too large: the office exceeded its "
     "memory limit ({1} MB) and was restarted"},
});

} // namespace

std::string_view text(Msg id) {
    for (const auto& [key, value] : kTexts)
        if (key == id)
            return value;
    return "?";
}

std::string format(Msg id, std::string_view a1, std::string_view a2, std::string_view a3,
                   std::string_view a4) {
    const std::string_view pattern = text(id);
    const std::string_view args[] = {a1, a2, a3, a4};
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '1' &&
            pattern[i + 1] <= '4') {
            out += args[pattern[i + 1] - '1'];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

} // namespace jixiao::cli

// How a change Jixiao makes takes its undo step (undo_context.hpp).
#pragma once

namespace jixiao::office {

// A step of its own, or joined to the step on top of the stack: the one the same command has just made, so
// that the command stays one step (重算: its cells, then the caption).
enum class UndoStep { Own, JoinLast };

} // namespace jixiao::office

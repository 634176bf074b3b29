// What a container runs, read as a shell and its launchers read it: the programs started, and what they download.
export { CommandLine, ProgramStart, argvOf, basename, initProcesses, maxShellDepth, programStarts, readCommandLine } from "./launchers";
export { downloadOf } from "./downloads";
export { ShellCommand, parseShellLine } from "./shell";

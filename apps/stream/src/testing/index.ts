export { StreamProcess, type StreamTarget } from "./stream-process";

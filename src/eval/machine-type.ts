// The Machine type, declared ahead of its class. Frames, nodes, procedures
// and events run on the machine and name its type in their signatures,
// while machine.ts uses their classes; they import the type from here, and
// machine.ts completes this declaration with its class (by declaration
// merging), so neither side imports the other in a cycle.

// biome-ignore lint/suspicious/noEmptyInterface: completed in machine.ts
export interface Machine {}

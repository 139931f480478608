/* Type-check only: the few macros of Apple's SDK header that ring's C code reads, for a
 * macOS target. Used by .ci/macos.sh so `cargo check` can build ring's objects without the
 * macOS SDK (which cannot be installed on Debian); nothing is linked or shipped with it. */
#ifndef QBFIX_CI_TARGET_CONDITIONALS_H
#define QBFIX_CI_TARGET_CONDITIONALS_H
#define TARGET_OS_MAC 1
#define TARGET_OS_OSX 1
#define TARGET_OS_IPHONE 0
#define TARGET_OS_IOS 0
#define TARGET_OS_WATCH 0
#define TARGET_OS_TV 0
#define TARGET_OS_SIMULATOR 0
#define TARGET_OS_EMBEDDED 0
#endif

/* Test-only stand-in for bcryptprimitives.dll under Wine 8, which lacks ProcessPrng (Rust's
 * standard library asks for it to seed HashMap and friends). It fills the buffer from
 * advapi32's SystemFunction036 (RtlGenRandom), which Wine has. Built with mingw by
 * .ci/windows/wine.sh and placed beside the unpacked qbfix.exe only for the Wine tests of
 * .ci/release.sh; never in the zip. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

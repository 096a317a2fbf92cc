// Compiled twice: by MSBuild's RoslynCodeTaskFactory (build/TorchSharpNativeFix.targets), which
// accepts one source file and targets netstandard2.0, and by tests/Pipeline.Tests, which defines
// ELF_PATCHER_TESTS to leave out the MSBuild task and test the pure ELF functions.
#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace TumorWeb.Build.ElfPatcher
{
    /// <summary>One entry of an ELF file's version needs (.gnu.version_r): a version of a library.</summary>
    public sealed class VersionNeed
    {
        public VersionNeed(string library, string version, ushort flags, int flagsOffset)
        {
            Library = library;
            Version = version;
            Flags = flags;
            FlagsOffset = flagsOffset;
        }

        public string Library { get; }
        public string Version { get; }
        public ushort Flags { get; }
        /// <summary>File offset of this entry's vna_flags field.</summary>
        public int FlagsOffset { get; }
        public bool IsWeak => (Flags & ElfVersionNeed.VerFlagWeak) != 0;
    }

    /// <summary>
    /// Reads and edits the symbol-version tables of little-endian ELF64 files (System V gABI,
    /// "Symbol Versioning" in the LSB). Every function takes the file name only for its messages.
    /// </summary>
    public static class ElfVersionNeed
    {
        public const ushort VerFlagWeak = 0x2;
        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;

        public static IReadOnlyList<VersionNeed> Read(byte[] elf, string fileName)
        {
            var needs = new List<VersionNeed>();
            var reader = new ElfReader(elf, fileName);
            var section = reader.FindSection(ShtGnuVerneed);
            if (section == null) return needs;
            var offset = section.Offset;
            for (var entry = 0; entry < section.Info; entry++)
            {
                var library = reader.String(section.Link, reader.U32(offset + 4));
                var auxOffset = offset + (long)reader.U32(offset + 8);
                for (var aux = 0; aux < reader.U16(offset + 2); aux++)
                {
                    var version = reader.String(section.Link, reader.U32(auxOffset + 8));
                    needs.Add(new VersionNeed(library, version, reader.U16(auxOffset + 4), checked((int)(auxOffset + 4))));
                    auxOffset += reader.U32(auxOffset + 12);
                }
                offset += reader.U32(offset + 12);
            }
            return needs;
        }

        /// <summary>
        /// Sets VER_FLG_WEAK on every need of <paramref name="versionName"/>, in place: the dynamic
        /// loader then accepts a library that lacks that version. Hashes and indexes stay as they
        /// are. Returns whether a byte changed; false when the version is not needed or already weak.
        /// </summary>
        public static bool MarkWeak(byte[] elf, string versionName, string fileName)
        {
            var changed = false;
            foreach (var need in Read(elf, fileName).Where(n => n.Version == versionName && !n.IsWeak))
            {
                var flags = (ushort)(need.Flags | VerFlagWeak);
                elf[need.FlagsOffset] = (byte)flags;
                elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
                changed = true;
            }
            return changed;
        }

        /// <summary>Whether the file defines <paramref name="versionName"/> (.gnu.version_d), as a library that provides it does.</summary>
        public static bool Defines(byte[] elf, string versionName, string fileName)
        {
            var reader = new ElfReader(elf, fileName);
            var section = reader.FindSection(ShtGnuVerdef);
            if (section == null) return false;
            var offset = section.Offset;
            for (var entry = 0; entry < section.Info; entry++)
            {
                var firstAux = offset + reader.U32(offset + 12);
                if (reader.String(section.Link, reader.U32(firstAux)) == versionName) return true;
                offset += reader.U32(offset + 16);
            }
            return false;
        }

        private sealed class Section
        {
            public Section(long offset, uint link, uint info)
            {
                Offset = offset;
                Link = link;
                Info = info;
            }

            public long Offset { get; }
            public uint Link { get; }
            public uint Info { get; }
        }

        private sealed class ElfReader
        {
            private readonly byte[] elf;
            private readonly string fileName;
            private readonly long sectionHeaders;
            private readonly int sectionHeaderSize;
            private readonly int sectionCount;

            public ElfReader(byte[] elf, string fileName)
            {
                this.elf = elf;
                this.fileName = fileName;
                if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                    throw Invalid("not an ELF file");
                if (elf[4] != 2 || elf[5] != 1)
                    throw Invalid("not a little-endian 64-bit ELF file");
                sectionHeaders = (long)U64(0x28);
                sectionHeaderSize = U16(0x3a);
                sectionCount = U16(0x3c);
                if (sectionCount == 0) throw Invalid("has no section headers");
                if (sectionHeaderSize < 64) throw Invalid($"section header size {sectionHeaderSize} is below 64 bytes");
                Check(sectionHeaders, (long)sectionHeaderSize * sectionCount);
            }

            public Section? FindSection(uint type)
            {
                for (var i = 0; i < sectionCount; i++)
                {
                    var header = SectionHeader(i);
                    if (U32(header + 4) == type) return new Section((long)U64(header + 0x18), U32(header + 0x28), U32(header + 0x2c));
                }
                return null;
            }

            public string String(uint stringSection, uint index)
            {
                if (stringSection >= sectionCount) throw Invalid($"string table section {stringSection} does not exist");
                var header = SectionHeader((int)stringSection);
                var start = (long)U64(header + 0x18);
                var size = (long)U64(header + 0x20);
                if (index >= size) throw Invalid($"string {index} lies outside its string table");
                Check(start, size);
                var end = Array.IndexOf(elf, (byte)0, (int)(start + index), (int)(size - index));
                if (end < 0) throw Invalid($"string {index} is not terminated");
                return Encoding.ASCII.GetString(elf, (int)(start + index), end - (int)(start + index));
            }

            public ushort U16(long offset)
            {
                Check(offset, 2);
                return (ushort)(elf[offset] | elf[offset + 1] << 8);
            }

            public uint U32(long offset)
            {
                Check(offset, 4);
                return (uint)(elf[offset] | elf[offset + 1] << 8 | elf[offset + 2] << 16 | elf[offset + 3] << 24);
            }

            private ulong U64(long offset) => U32(offset) | (ulong)U32(offset + 4) << 32;

            private long SectionHeader(int index) => sectionHeaders + (long)index * sectionHeaderSize;

            private void Check(long offset, long length)
            {
                if (offset < 0 || length < 0 || offset > elf.Length - length)
                    throw Invalid($"{length} bytes at offset {offset} lie outside the {elf.Length}-byte file");
            }

            private InvalidDataException Invalid(string problem) => new InvalidDataException($"{fileName}: {problem}");
        }
    }

#if !ELF_PATCHER_TESTS
    /// <summary>
    /// MSBuild task: marks <see cref="VersionName"/> weak in each of <see cref="Files"/> when the
    /// system library that should provide it (libstdc++ by default) does not define it.
    /// </summary>
    public sealed class ElfVersionNeedPatcher : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        [Microsoft.Build.Framework.Required]
        public string VersionName { get; set; } = "";

        /// <summary>The library that should provide the version; found with ldconfig when empty.</summary>
        public string SystemLibrary { get; set; } = "";

        public string SystemLibraryName { get; set; } = "libstdc++.so.6";

        public override bool Execute()
        {
            var provider = string.IsNullOrEmpty(SystemLibrary) ? SystemLibraryLocator.Find(SystemLibraryName) : SystemLibrary;
            if (provider == null)
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                    $"{SystemLibraryName} not found on this system; leaving {VersionName} needs unchanged.");
                return true;
            }
            if (ElfVersionNeed.Defines(File.ReadAllBytes(provider), VersionName, provider))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, $"{provider} defines {VersionName}; nothing to patch.");
                return true;
            }
            foreach (var file in Files.Select(f => f.GetMetadata("FullPath")).Distinct())
                Patch(file, provider);
            return !Log.HasLoggedErrors;
        }

        private void Patch(string file, string provider)
        {
            try
            {
                var bytes = File.ReadAllBytes(file);
                if (!ElfVersionNeed.MarkWeak(bytes, VersionName, file)) return;
                ReplaceKeepingTimestamp(file, bytes);
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                    $"{file}: marked {VersionName} weak ({provider} does not define it).");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Log.LogError($"{file}: cannot mark {VersionName} weak: {e.Message}");
            }
        }

        // The output file may be a hard or symbolic link into the NuGet cache, so a patched copy
        // replaces it rather than being written through it. Keeping the copy's timestamp lets the
        // next incremental build see the file as up to date instead of copying the original back.
        private static void ReplaceKeepingTimestamp(string file, byte[] patched)
        {
            var written = File.GetLastWriteTimeUtc(file);
            var temporary = file + ".weak-version.tmp";
            File.Copy(file, temporary, true);
            File.WriteAllBytes(temporary, patched);
            File.SetLastWriteTimeUtc(temporary, written);
            File.Replace(temporary, file, null);
        }
    }
#endif

    /// <summary>Finds a shared library the way the dynamic loader would: ldconfig's cache first, then the usual folders.</summary>
    public static class SystemLibraryLocator
    {
        private static readonly string[] Folders =
            { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib" };

        public static string? Find(string name) =>
            FromLdconfig(name) ?? Folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

        private static string? FromLdconfig(string name)
        {
            var ldconfig = new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig" }.FirstOrDefault(File.Exists);
            if (ldconfig == null) return null;
            var start = new ProcessStartInfo(ldconfig, "-p") { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process == null) return null;
            var lines = process.StandardOutput.ReadToEnd().Split('\n');
            process.WaitForExit();
            // Lines read "\tlibstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6".
            return lines
                .Where(line => line.Trim().StartsWith(name + " ", StringComparison.Ordinal) && line.Contains("x86-64"))
                .Select(line => line.Substring(line.IndexOf("=> ", StringComparison.Ordinal) + 3).Trim())
                .FirstOrDefault(File.Exists);
        }
    }
}

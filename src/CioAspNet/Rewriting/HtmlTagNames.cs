using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CioAspNet.Rewriting;

/// <summary>
/// Maps lower-case tag names to <see cref="HtmlTagInfo"/> with one hash table probe. A name is packed into two
/// 64-bit words, its first 16 bytes padded with zeros, so comparing names is comparing words.
/// </summary>
internal static class HtmlTagNames
{
    /// <summary>The longest name that the table holds: the tokenizer keeps no more of a name.</summary>
    public const int MaxLength = HtmlTokenizer.NameBufferLength;

    /// <summary>The number of <see cref="HtmlElementName"/> values.</summary>
    public const int ElementNameCount = (int)HtmlElementName.Ul + 1;

    private const int SlotBits = 9;

    private static readonly Slot[] Slots = BuildTable();

    /// <summary>Returns the lower-case name of a raw text element kind, whose end tag ends its text.</summary>
    public static ReadOnlySpan<byte> NameOf(HtmlTagKind kind) => kind switch
    {
        HtmlTagKind.Script => "script"u8,
        HtmlTagKind.Style => "style"u8,
        HtmlTagKind.Xmp => "xmp"u8,
        HtmlTagKind.Iframe => "iframe"u8,
        HtmlTagKind.Noembed => "noembed"u8,
        HtmlTagKind.Noframes => "noframes"u8,
        HtmlTagKind.Noscript => "noscript"u8,
        HtmlTagKind.Title => "title"u8,
        HtmlTagKind.Textarea => "textarea"u8,
        _ => ReadOnlySpan<byte>.Empty,
    };

    /// <summary>Packs the first <paramref name="length"/> bytes of a 16-byte name buffer into two words.</summary>
    public static void Pack(ReadOnlySpan<byte> buffer, int length, out ulong low, out ulong high)
    {
        low = BinaryPrimitives.ReadUInt64LittleEndian(buffer);
        high = BinaryPrimitives.ReadUInt64LittleEndian(buffer[8..]);
        if (length < 8)
        {
            low &= (1UL << (length * 8)) - 1;
            high = 0;
        }
        else if (length < 16)
        {
            high &= (1UL << ((length - 8) * 8)) - 1;
        }
    }

    /// <summary>Returns the kind, name and sets of a packed name, or the default for a name not in the table.</summary>
    public static HtmlTagInfo Lookup(ulong low, ulong high, int length)
    {
        var index = Hash(low, high);
        ref var slots = ref MemoryMarshal.GetArrayDataReference(Slots);
        while (true)
        {
            // The index is masked to the table's size, which is a power of two.
            ref readonly var slot = ref Unsafe.Add(ref slots, index);
            if (slot.Length == 0)
            {
                return default;
            }

            if (slot.Low == low && slot.High == high && slot.Length == length)
            {
                return slot.Info;
            }

            index = (index + 1) & (Slots.Length - 1);
        }
    }

    // Perf: one multiplication, because most names fit in the low word. The comparison in the probe separates long
    // names that share a hash.
    private static int Hash(ulong low, ulong high) => (int)(((low ^ high) * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));

    private static Slot[] BuildTable()
    {
        var kinds = new Dictionary<string, HtmlTagKind>();
        var flags = new Dictionary<string, HtmlTagFlags>();
        AddKinds(kinds, flags);
        AddFlags(flags);

        var slots = new Slot[1 << SlotBits];
        Span<byte> buffer = stackalloc byte[MaxLength];
        foreach (var (name, nameFlags) in flags)
        {
            buffer.Clear();
            System.Text.Encoding.ASCII.GetBytes(name, buffer);
            Pack(buffer, name.Length, out var low, out var high);
            var elementName = Enum.TryParse<HtmlElementName>(name, ignoreCase: true, out var parsed)
                ? parsed
                : HtmlElementName.Other;
            var index = Hash(low, high);
            while (slots[index].Length != 0)
            {
                index = (index + 1) & (slots.Length - 1);
            }

            var kind = kinds.GetValueOrDefault(name);
            var allFlags = HasOwnStartTagRule(kind, elementName, nameFlags)
                ? nameFlags | HtmlTagFlags.OwnStartTagRule
                : nameFlags;
            slots[index] = new Slot(low, high, (byte)name.Length, new HtmlTagInfo(kind, elementName, allFlags));
        }

        return slots;
    }

    private static bool HasOwnStartTagRule(HtmlTagKind kind, HtmlElementName name, HtmlTagFlags flags) =>
        name != HtmlElementName.Other
        || (flags & (HtmlTagFlags.Heading | HtmlTagFlags.TablePart)) != 0
        || kind is not (HtmlTagKind.Other or HtmlTagKind.Breakout or HtmlTagKind.Area or HtmlTagKind.Font
            or HtmlTagKind.Desc or HtmlTagKind.ForeignObject or HtmlTagKind.MathText or HtmlTagKind.MathGlyph
            or HtmlTagKind.AnnotationXml);

    private static void AddKinds(Dictionary<string, HtmlTagKind> kinds, Dictionary<string, HtmlTagFlags> flags)
    {
        // The start tags that end SVG and MathML content, as the tree builder's rules for foreign content list them.
        const string breakout = "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i "
            + "img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var";
        foreach (var name in breakout.Split(' '))
        {
            kinds[name] = HtmlTagKind.Breakout;
        }

        (string Name, HtmlTagKind Kind)[] named =
        [
            ("a", HtmlTagKind.A), ("area", HtmlTagKind.Area), ("body", HtmlTagKind.Body),
            ("script", HtmlTagKind.Script), ("style", HtmlTagKind.Style), ("xmp", HtmlTagKind.Xmp),
            ("iframe", HtmlTagKind.Iframe), ("noembed", HtmlTagKind.Noembed), ("noframes", HtmlTagKind.Noframes),
            ("noscript", HtmlTagKind.Noscript), ("title", HtmlTagKind.Title), ("textarea", HtmlTagKind.Textarea),
            ("plaintext", HtmlTagKind.Plaintext), ("template", HtmlTagKind.Template), ("svg", HtmlTagKind.Svg),
            ("math", HtmlTagKind.Math), ("foreignobject", HtmlTagKind.ForeignObject), ("desc", HtmlTagKind.Desc),
            ("mi", HtmlTagKind.MathText), ("mo", HtmlTagKind.MathText), ("mn", HtmlTagKind.MathText),
            ("ms", HtmlTagKind.MathText), ("mtext", HtmlTagKind.MathText), ("mglyph", HtmlTagKind.MathGlyph),
            ("malignmark", HtmlTagKind.MathGlyph), ("annotation-xml", HtmlTagKind.AnnotationXml),
            ("font", HtmlTagKind.Font),
        ];
        foreach (var (name, kind) in named)
        {
            kinds[name] = kind;
        }

        foreach (var name in kinds.Keys)
        {
            flags[name] = HtmlTagFlags.None;
        }
    }

    private static void AddFlags(Dictionary<string, HtmlTagFlags> flags)
    {
        const string headings = "h1 h2 h3 h4 h5 h6";
        Add(flags, HtmlTagFlags.Heading, headings);
        Add(flags, HtmlTagFlags.Void,
            "area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr");
        const string scopeBoundaries = "applet caption html marquee object table td template th";
        Add(flags, HtmlTagFlags.ScopeBoundary, scopeBoundaries);
        Add(flags, HtmlTagFlags.Marker, Except(scopeBoundaries, "table"));
        Add(flags, HtmlTagFlags.TableBoundary, "html table template");
        Add(flags, HtmlTagFlags.TablePart, "caption colgroup table tbody td tfoot th thead tr");
        Add(flags, HtmlTagFlags.Formatting, "a b big code em font i nobr s small strike strong tt u");
        Add(flags, HtmlTagFlags.OwnEndTagRule, headings
            + " a address applet article aside b big blockquote body br button caption center code colgroup dd details"
            + " dialog dir div dl dt em fieldset figcaption figure font footer form header hgroup html i li listing main"
            + " marquee menu nav nobr object ol p pre s search section small strike strong summary table tbody td"
            + " template tfoot th thead tr tt u ul");
        Add(flags, HtmlTagFlags.ClosesParagraph, headings
            + " address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption figure footer"
            + " form header hgroup hr li listing main menu nav ol p plaintext pre search section summary table ul xmp");

        const string special = headings
            + " address applet area article aside base basefont bgsound blockquote body br button caption center col"
            + " colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset head header"
            + " hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes"
            + " noscript object ol p param plaintext pre script search section select source style summary table tbody"
            + " td template textarea tfoot th thead title tr track ul wbr xmp";
        Add(flags, HtmlTagFlags.Special, special);
        Add(flags, HtmlTagFlags.ListItemBoundary, Except(special, "address", "div", "p"));

        // The names that the tree rules test one by one.
        foreach (var name in Enum.GetNames<HtmlElementName>().Skip(1))
        {
            flags.TryAdd(name.ToLowerInvariant(), HtmlTagFlags.None);
        }
    }

    private static string Except(string names, params string[] left) =>
        string.Join(' ', names.Split(' ').Where(name => !left.Contains(name)));

    private static void Add(Dictionary<string, HtmlTagFlags> flags, HtmlTagFlags flag, string names)
    {
        foreach (var name in names.Split(' '))
        {
            flags[name] = flags.GetValueOrDefault(name) | flag;
        }
    }

    private readonly record struct Slot(ulong Low, ulong High, byte Length, HtmlTagInfo Info);
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerRegister.Tests.Infrastructure;

/// <summary>The fake IMAP server's command side: reading a command, parsing it and building the replies.</summary>
public sealed partial class FakeImapServer
{
    /// <summary>One command line; a synchronizing literal ({n}) is accepted with a continuation and read in.</summary>
    private static async Task<string?> ReadCommandAsync(Session session)
    {
        var command = new StringBuilder();
        while (true)
        {
            var line = await session.ReadLineAsync();
            if (line is null)
            {
                return null;
            }

            var literal = LiteralAtEnd().Match(line);
            if (!literal.Success)
            {
                return command.Append(line).ToString();
            }

            command.Append(line[..literal.Index]);
            await session.WriteAsync("+ Ready\r\n");
            var bytes = await session.ReadBytesAsync(int.Parse(literal.Groups[1].Value, CultureInfo.InvariantCulture));
            command.Append('"').Append(Encoding.UTF8.GetString(bytes).Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
        }
    }

    private async Task<bool> HandleAsync(Session s, string line)
    {
        var words = Tokens(line);
        if (words.Count < 2)
        {
            await s.WriteAsync("* BAD empty command\r\n");
            return true;
        }

        var tag = words[0];
        var command = words[1].ToUpperInvariant();
        var args = words.Skip(2).ToList();
        if (command == "UID" && args.Count > 0)
        {
            command = "UID " + args[0].ToUpperInvariant();
            args.RemoveAt(0);
        }

        switch (command)
        {
            case "CAPABILITY":
                await s.WriteAsync($"* CAPABILITY {Capabilities}\r\n{tag} OK CAPABILITY completed\r\n");
                return true;
            case "NOOP":
                await s.WriteAsync($"{tag} OK NOOP completed\r\n");
                return true;
            case "LOGOUT":
                await s.WriteAsync($"* BYE Fake IMAP logging out\r\n{tag} OK LOGOUT completed\r\n");
                return false;
            case "LOGIN" when args.Count == 2:
                s.LoggedIn = args[0] == UserName && args[1] == Password;
                await s.WriteAsync(s.LoggedIn ? $"{tag} OK [CAPABILITY {Capabilities}] LOGIN completed\r\n" : $"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials\r\n");
                return true;
        }

        if (!s.LoggedIn)
        {
            await s.WriteAsync($"{tag} BAD not authenticated\r\n");
            return true;
        }

        var reply = new StringBuilder();
        var ok = true;
        lock (_gate)
        {
            switch (command)
            {
                case "LIST" when args.Count == 2:
                    List(reply, args[1]);
                    break;
                case "SELECT" or "EXAMINE" when args.Count == 1 && FolderName(args[0]) is { } name:
                    s.Folder = name;
                    var messages = _folders[name];
                    reply.Append(string.Create(CultureInfo.InvariantCulture, $"""
                        * FLAGS (\Seen \Answered \Flagged \Deleted \Draft)
                        * OK [PERMANENTFLAGS (\Seen \Answered \Flagged \Deleted \Draft)] Flags permitted
                        * {messages.Count} EXISTS
                        * 0 RECENT
                        * OK [UIDVALIDITY 1] UIDs valid
                        * OK [UIDNEXT {_nextUid}] Predicted next UID

                        """).ReplaceLineEndings("\r\n"));
                    reply.Append(CultureInfo.InvariantCulture, $"{tag} OK [{(command == "SELECT" ? "READ-WRITE" : "READ-ONLY")}] {command} completed\r\n");
                    return Send(s, reply);
                case "UID SEARCH" or "SEARCH" when s.Folder is not null:
                    ok = Search(reply, _folders[s.Folder], args, byUid: command == "UID SEARCH");
                    break;
                case "UID FETCH" when s.Folder is not null && args.Count >= 2:
                    Fetch(reply, _folders[s.Folder], args[0], string.Join(' ', args.Skip(1)));
                    break;
                case "UID STORE" when s.Folder is not null && args.Count >= 3:
                    ok = Store(reply, _folders[s.Folder], args[0], args[1], string.Join(' ', args.Skip(2)));
                    break;
                case "UID MOVE" or "MOVE" when s.Folder is not null && args.Count == 2 && FolderName(args[1]) is { } target:
                    Move(reply, _folders[s.Folder], args[0], _folders[target], byUid: command == "UID MOVE");
                    Arrive();
                    break;
                default:
                    ok = false;
                    break;
            }
        }

        if (!ok)
        {
            Unknown.Enqueue(line);
            return Send(s, new StringBuilder($"{tag} BAD unsupported by the fake server\r\n"));
        }

        reply.Append(CultureInfo.InvariantCulture, $"{tag} OK {command} completed\r\n");
        return Send(s, reply);
    }

    private static bool Send(Session s, StringBuilder reply)
    {
        s.Pending.Add(reply.ToString());
        return true;
    }

    private void List(StringBuilder reply, string pattern)
    {
        if (pattern.Length == 0)
        {
            reply.Append("* LIST (\\Noselect) \"/\" \"\"\r\n");
            return;
        }

        var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("%", "[^/]*") + "$", RegexOptions.IgnoreCase);
        foreach (var name in _folders.Keys.Where(n => regex.IsMatch(n)))
        {
            reply.Append(CultureInfo.InvariantCulture, $"* LIST (\\HasNoChildren) \"/\" \"{name}\"\r\n");
        }
    }

    private string? FolderName(string name) =>
        name.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? "INBOX" : _folders.ContainsKey(name) ? name : null;

    private static bool Search(StringBuilder reply, List<StoredMessage> messages, List<string> criteria, bool byUid)
    {
        IEnumerable<(StoredMessage Message, int Sequence)> found = messages.Select((m, i) => (m, i + 1));
        for (var i = 0; i < criteria.Count; i++)
        {
            var key = criteria[i].ToUpperInvariant();
            if (key == "UID" && i + 1 < criteria.Count)
            {
                var uids = Selected(messages, criteria[++i]).Select(x => x.Message.Uid).ToHashSet();
                found = found.Where(x => uids.Contains(x.Message.Uid));
                continue;
            }

            found = key switch
            {
                "UNSEEN" => found.Where(x => !x.Message.Flags.Contains(@"\Seen")),
                "SEEN" => found.Where(x => x.Message.Flags.Contains(@"\Seen")),
                "ALL" => found,
                _ => null!,
            };
            if (found is null)
            {
                return false;
            }
        }

        reply.Append("* SEARCH");
        foreach (var (m, sequence) in found)
        {
            reply.Append(CultureInfo.InvariantCulture, $" {(byUid ? m.Uid : (uint)sequence)}");
        }

        reply.Append("\r\n");
        return true;
    }

    private static void Fetch(StringBuilder reply, List<StoredMessage> messages, string set, string items)
    {
        var upper = items.ToUpperInvariant();
        foreach (var (m, sequence) in Selected(messages, set))
        {
            var peek = upper.Contains("BODY.PEEK[]", StringComparison.Ordinal);
            var body = peek || upper.Contains("BODY[]", StringComparison.Ordinal) || upper.Contains("RFC822", StringComparison.Ordinal);
            if (body && !peek)
            {
                m.Flags.Add(@"\Seen");
            }

            reply.Append(CultureInfo.InvariantCulture, $"* {sequence} FETCH (UID {m.Uid}");
            if (upper.Contains("FLAGS", StringComparison.Ordinal))
            {
                reply.Append(CultureInfo.InvariantCulture, $" FLAGS ({string.Join(' ', m.Flags)})");
            }

            if (upper.Contains("RFC822.SIZE", StringComparison.Ordinal))
            {
                reply.Append(CultureInfo.InvariantCulture, $" RFC822.SIZE {m.Raw.Length}");
            }

            if (body)
            {
                // Latin-1 maps each byte to one char, so the literal's length and bytes survive the text buffer.
                reply.Append(CultureInfo.InvariantCulture, $" BODY[] {{{m.Raw.Length}}}\r\n").Append(Encoding.Latin1.GetString(m.Raw));
            }

            reply.Append(")\r\n");
        }
    }

    private static bool Store(StringBuilder reply, List<StoredMessage> messages, string set, string action, string flagList)
    {
        var flags = flagList.Trim('(', ')').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var silent = action.EndsWith(".SILENT", StringComparison.OrdinalIgnoreCase);
        var verb = silent ? action[..^".SILENT".Length] : action;
        foreach (var (m, sequence) in Selected(messages, set))
        {
            switch (verb.ToUpperInvariant())
            {
                case "+FLAGS":
                    m.Flags.UnionWith(flags);
                    break;
                case "-FLAGS":
                    m.Flags.ExceptWith(flags);
                    break;
                case "FLAGS":
                    m.Flags.Clear();
                    m.Flags.UnionWith(flags);
                    break;
                default:
                    return false;
            }

            if (!silent)
            {
                reply.Append(CultureInfo.InvariantCulture, $"* {sequence} FETCH (UID {m.Uid} FLAGS ({string.Join(' ', m.Flags)}))\r\n");
            }
        }

        return true;
    }

    private static void Move(StringBuilder reply, List<StoredMessage> messages, string set, List<StoredMessage> target, bool byUid)
    {
        var selected = byUid ? Selected(messages, set) : Selected(messages, set, bySequence: true);
        foreach (var (m, sequence) in selected.OrderByDescending(x => x.Sequence).ToList())
        {
            messages.Remove(m);
            target.Add(m);
            reply.Append(CultureInfo.InvariantCulture, $"* {sequence} EXPUNGE\r\n");
        }
    }

    private static List<(StoredMessage Message, int Sequence)> Selected(List<StoredMessage> messages, string set, bool bySequence = false)
    {
        var max = messages.Count == 0 ? 0u : bySequence ? (uint)messages.Count : messages.Max(m => m.Uid);
        var wanted = new List<(uint From, uint To)>();
        foreach (var part in set.Split(','))
        {
            var ends = part.Split(':');
            uint Parse(string v) => v == "*" ? max : uint.Parse(v, CultureInfo.InvariantCulture);
            var a = Parse(ends[0]);
            var b = ends.Length > 1 ? Parse(ends[1]) : a;
            wanted.Add((Math.Min(a, b), Math.Max(a, b)));
        }

        uint Key(StoredMessage m, int sequence) => bySequence ? (uint)sequence : m.Uid;
        return [.. messages.Select((m, i) => (m, i + 1)).Where(x => wanted.Any(w => Key(x.m, x.Item2) >= w.From && Key(x.m, x.Item2) <= w.To))];
    }

    /// <summary>Splits a command into atoms, quoted strings (unescaped) and parenthesised lists (kept whole).</summary>
    private static List<string> Tokens(string line)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == ' ')
            {
                i++;
                continue;
            }

            var token = new StringBuilder();
            if (line[i] == '"')
            {
                for (i++; i < line.Length && line[i] != '"'; i++)
                {
                    token.Append(line[i] == '\\' && i + 1 < line.Length ? line[++i] : line[i]);
                }

                i++;
            }
            else
            {
                var depth = 0;
                for (; i < line.Length && (depth > 0 || line[i] != ' '); i++)
                {
                    depth += line[i] is '(' or '[' ? 1 : line[i] is ')' or ']' ? -1 : 0;
                    token.Append(line[i]);
                }
            }

            tokens.Add(token.ToString());
        }

        return tokens;
    }

    [GeneratedRegex(@"\{(\d+)\+?\}$")]
    private static partial Regex LiteralAtEnd();
}

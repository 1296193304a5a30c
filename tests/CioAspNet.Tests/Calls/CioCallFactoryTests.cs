using System.Text.Json.Nodes;
using CioAspNet.Calls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CioAspNet.Tests.Calls;

public sealed class CioCallFactoryTests
{
    private readonly FakeLogger _logger = new();

    private CioCallFactory Factory => new(_logger, "/test");

    private FakeLogRecord SingleWarning(int eventId)
    {
        var record = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == eventId);
        Assert.Equal(LogLevel.Warning, record.Level);
        return record;
    }

    [Fact]
    public void Track_UseArrayParams_BecomesOptionsArgument()
    {
        var call = Factory.CreateTrack("viewed", new { items = new[] { "a" } }, useArrayParams: true)!;

        Assert.Equal("""["track","viewed",{"items":["a"]},{"useArrayParams":true}]""", call.Arguments.ToJsonString());
    }

    [Fact]
    public void Track_UseArrayParamsWithoutData_SendsEmptyData()
    {
        var call = Factory.CreateTrack("viewed", null, useArrayParams: false)!;

        Assert.Equal("""["track","viewed",{},{"useArrayParams":false}]""", call.Arguments.ToJsonString());
    }

    [Fact]
    public void Track_NoDataNoOptions_SendsNameOnly()
    {
        Assert.Equal("""["track","viewed"]""", Factory.CreateTrack("viewed", null, null)!.Arguments.ToJsonString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Track_EmptyName_NotBuilt(string? name)
    {
        Assert.Null(Factory.CreateTrack(name, new { secret = "value-1" }, null));

        SingleWarning(25);
    }

    [Fact]
    public void Track_NameOver100Bytes_NotBuilt()
    {
        var name = new string('é', 51);

        Assert.Null(Factory.CreateTrack(name, null, null));

        Assert.Contains(name, SingleWarning(26).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Track_NameOf100Bytes_IsBuilt()
    {
        Assert.NotNull(Factory.CreateTrack(new string('e', 100), null, null));
    }

    [Fact]
    public void Track_DataOver100000Bytes_NotBuilt()
    {
        var secret = "secret-" + new string('x', 100_000);

        Assert.Null(Factory.CreateTrack("bigEvent", new { blob = secret }, null));

        var message = SingleWarning(27).Message;
        Assert.Contains("bigEvent", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Track_DataNotObject_NotBuilt()
    {
        Assert.Null(Factory.CreateTrack("e", new[] { 1, 2 }, null));

        SingleWarning(28);
    }

    [Fact]
    public void Track_DataWithCycle_NotBuilt()
    {
        var cycle = new Node();
        cycle.Next = cycle;

        Assert.Null(Factory.CreateTrack("e", cycle, null));

        Assert.NotNull(SingleWarning(28).Exception);
    }

    [Fact]
    public void Identify_IdentifierOver150Bytes_NotBuilt()
    {
        var id = "person-" + new string('1', 150);

        Assert.Null(Factory.CreateIdentify(new CioIdentity { Id = id }, CioIdentifier.Id));

        Assert.DoesNotContain("person-", SingleWarning(22).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_IdentifierOf150Bytes_IsBuilt()
    {
        Assert.NotNull(Factory.CreateIdentify(new CioIdentity { Id = new string('1', 150) }, CioIdentifier.Id));
    }

    [Fact]
    public void Identify_AttributeNameOver150Bytes_LeftOut()
    {
        var name = new string('n', 151);
        var identity = new CioIdentity { Id = "1" };
        identity.Attributes[name] = "v";
        identity.Attributes["kept"] = "yes";

        var payload = (JsonObject)Factory.CreateIdentify(identity, CioIdentifier.Id)!.Arguments[1]!;

        Assert.False(payload.ContainsKey(name));
        Assert.Equal("yes", payload["kept"]!.GetValue<string>());
        Assert.Contains(name, SingleWarning(23).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_AttributeValueOver1000Bytes_LeftOut()
    {
        var identity = new CioIdentity { Id = "1" };
        identity.Attributes["bio"] = "private-" + new string('ü', 500);

        var payload = (JsonObject)Factory.CreateIdentify(identity, CioIdentifier.Id)!.Arguments[1]!;

        Assert.False(payload.ContainsKey("bio"));
        var message = SingleWarning(24).Message;
        Assert.Contains("'bio'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("private-", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_EmailMode_UsesEmailAsId()
    {
        var identity = new CioIdentity { Id = "42", Email = "ada@example.com" };

        var call = Factory.CreateIdentify(identity, CioIdentifier.Email)!;

        Assert.Equal("""["identify",{"id":"ada@example.com","email":"ada@example.com"}]""", call.Arguments.ToJsonString());
    }

    [Fact]
    public void Identify_EmailModeWithoutEmail_NotBuilt()
    {
        Assert.Null(Factory.CreateIdentify(new CioIdentity { Id = "42" }, CioIdentifier.Email));

        Assert.Equal(LogLevel.Debug, Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 21).Level);
    }

    [Fact]
    public void Identify_AttributeNamedId_IsIgnored()
    {
        var call = Factory.CreateIdentify(new CioIdentity { Id = "42" }, CioIdentifier.Id, [KeyValuePair.Create("id", (object?)"other")])!;

        Assert.Equal("""["identify",{"id":"42"}]""", call.Arguments.ToJsonString());
    }

    [Fact]
    public void Identify_StandardAttributes_InOrder()
    {
        var identity = new CioIdentity
        {
            Id = "42",
            Email = "a@example.com",
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(1700000000),
            FirstName = "Ada",
            LastName = "Lovelace",
        };

        var call = Factory.CreateIdentify(identity, CioIdentifier.Id)!;

        Assert.Equal("""["identify",{"id":"42","email":"a@example.com","created_at":1700000000,"first_name":"Ada","last_name":"Lovelace"}]""",
            call.Arguments.ToJsonString());
    }

    [Fact]
    public void IdentifyFromServer_AttributesObject_BecomeAttributes()
    {
        var call = Factory.CreateIdentify("42", new { plan = "pro", seats = 3 }, CioIdentifier.Id)!;

        Assert.Equal("""["identify",{"id":"42","plan":"pro","seats":3}]""", call.Arguments.ToJsonString());
    }

    private sealed class Node
    {
        public Node? Next { get; set; }
    }
}

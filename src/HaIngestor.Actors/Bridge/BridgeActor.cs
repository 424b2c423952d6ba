using System.Text;
using Akka.Actor;
using Akka.Event;
using HaIngestor.Actors.Protocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace HaIngestor.Actors.Bridge;

/// <summary>
/// Owns the one MQTT session: connects (credentials, TLS, last will), re-subscribes after every connect,
/// reconnects with exponential backoff, routes received messages and publishes at QoS 1 through an outbox.
/// MQTTnet callbacks only tell this actor; all state changes happen in its mailbox.
/// </summary>
public sealed class BridgeActor : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);

    private readonly MqttSettings settings;
    private readonly IActorRef devices;
    private readonly IActorRef commands;
    private readonly TimeProvider time;
    private readonly TopicRouter router;
    private readonly Outbox outbox;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private IMqttClient? client;
    private MqttConnectionState state = MqttConnectionState.Disconnected;
    private int generation;
    private bool ingestStopped;
    private TimeSpan nextDelay;
    private long connects;
    private long received;
    private long routed;
    private long ignored;
    private long published;
    private string? lastError;

    public BridgeActor(MqttSettings settings, IActorRef devices, IActorRef commands, TimeProvider time)
    {
        this.settings = settings;
        this.devices = devices;
        this.commands = commands;
        this.time = time;
        router = new TopicRouter(settings.Zigbee2MqttBaseTopic, settings.BaseTopic, settings.DiscoveryPrefix);
        outbox = new Outbox(settings.OutboxCapacity);
        nextDelay = settings.ReconnectMinDelay;

        Receive<MqttMessageReceived>(OnMessage);
        Receive<Publish>(OnPublish);
        Receive<Connect>(_ => StartConnect());
        Receive<ConnectSucceeded>(m => m.Generation == generation, _ => OnConnected());
        Receive<ConnectFailed>(m => m.Generation == generation, OnConnectFailed);
        Receive<SubscribeSucceeded>(m => m.Generation == generation, _ => OnSubscribed());
        Receive<SubscribeFailed>(m => m.Generation == generation, OnSubscribeFailed);
        Receive<ConnectionLost>(m => m.Generation == generation, OnConnectionLost);
        Receive<PublishSucceeded>(_ => published++);
        Receive<PublishFailed>(OnPublishFailed);
        Receive<AnalysisRunAccepted>(m => log.Info("Analysis run {RunId} accepted from an MQTT command", m.RunId));
        Receive<AnalysisRunRejected>(m => log.Warning("Analysis run from an MQTT command rejected: {Reason}", m.Reason));
        Receive<GetBridgeStatus>(_ => Sender.Tell(Status()));
        Receive<StopIngest>(_ => StopIngest(Sender));
        Receive<IngestStopFinished>(m => m.ReplyTo.Tell(IngestStopped.Instance));
        Receive<ConnectSucceeded>(_ => { });
        Receive<ConnectFailed>(_ => { });
        Receive<SubscribeSucceeded>(_ => { });
        Receive<SubscribeFailed>(_ => { });
        Receive<ConnectionLost>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(MqttSettings settings, IActorRef devices, IActorRef commands, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new BridgeActor(settings, devices, commands, time));

    protected override void PreStart()
    {
        client = new MqttClientFactory().CreateMqttClient();
        var self = Self;
        var clock = time;
        client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            self.Tell(new MqttMessageReceived(message.Topic, System.Buffers.BuffersExtensions.ToArray(message.Payload), clock.GetUtcNow()));
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected)
            {
                self.Tell(new ConnectionLost(Volatile.Read(ref generation), e.Reason.ToString(), e.Exception?.Message));
            }

            return Task.CompletedTask;
        };
        log.Info("MQTT bridge starting: {Settings}", settings);
        Self.Tell(Connect.Instance);
    }

    /// <summary>Publishes "offline" and disconnects normally, so the broker does not send the last will.</summary>
    private void SayGoodbye()
    {
        if (client is not { IsConnected: true })
        {
            return;
        }

        try
        {
            client.PublishAsync(StatusMessage("offline")).Wait(StopTimeout);
            client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder()
                .WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection)
                .Build()).Wait(StopTimeout);
            log.Info("MQTT bridge said offline and disconnected");
        }
        catch (Exception e)
        {
            log.Warning("MQTT bridge could not say goodbye to the broker: {Error}", e.Message);
        }
    }

    private void StopIngest(IActorRef replyTo)
    {
        // A new generation makes every pending connect, subscribe and reconnect callback stale.
        Interlocked.Increment(ref generation);
        ingestStopped = true;
        Timers.CancelAll();
        SayGoodbye();
        state = MqttConnectionState.Disconnected;

        // Messages MQTTnet handed over while disconnecting are queued before this one: they are routed first.
        Self.Tell(new IngestStopFinished(replyTo));
    }

    protected override void PostStop()
    {
        if (client is null)
        {
            return;
        }

        SayGoodbye();

        if (outbox.Count > 0)
        {
            log.Warning("MQTT bridge stopped with {Count} unpublished messages", outbox.Count);
        }

        client.Dispose();
    }

    private void OnMessage(MqttMessageReceived message)
    {
        received++;
        var route = router.Route(message.Topic);
        switch (route.Kind)
        {
            case TopicRouteKind.DeviceList:
                devices.Tell(new DeviceListReceived(message.Payload));
                routed++;
                break;
            case TopicRouteKind.GroupList:
                devices.Tell(new GroupListReceived(message.Payload));
                routed++;
                break;
            case TopicRouteKind.DeviceState:
                devices.Tell(new DeviceStateReceived(route.FriendlyName!, message.Payload, message.ReceivedAt));
                routed++;
                break;
            case TopicRouteKind.DeviceAvailability:
                devices.Tell(new DeviceAvailabilityReceived(route.FriendlyName!, message.Payload));
                routed++;
                break;
            case TopicRouteKind.DeviceCommand:
                devices.Tell(new DeviceCommandReceived(route.FriendlyName!, route.Attribute, message.Payload, message.ReceivedAt));
                routed++;
                break;
            case TopicRouteKind.RunAnalysisCommand:
                log.Info("Analysis requested on {Topic}", message.Topic);
                commands.Tell(new RunAnalysisNow("mqtt"), Self);
                routed++;
                break;
            case TopicRouteKind.HomeAssistantStatus:
                log.Debug("Home Assistant status on {Topic}: {Payload}", message.Topic, Encoding.UTF8.GetString(message.Payload));
                ignored++;
                break;
            default:
                ignored++;
                break;
        }
    }

    private void OnPublish(Publish message)
    {
        if (state == MqttConnectionState.Connected)
        {
            Send(message);
        }
        else
        {
            outbox.Enqueue(message);
        }
    }

    private void StartConnect()
    {
        if (client is null || ingestStopped || state != MqttConnectionState.Disconnected)
        {
            return;
        }

        state = MqttConnectionState.Connecting;
        var attempt = ++generation;
        var options = BuildOptions();
        var self = Self;
        var timeout = new CancellationTokenSource(ConnectTimeout);
        client.ConnectAsync(options, timeout.Token).ContinueWith(
            t =>
            {
                timeout.Dispose();
                return t.IsCompletedSuccessfully
                    ? new ConnectSucceeded(attempt)
                    : (object)new ConnectFailed(attempt, t.Exception?.GetBaseException().Message ?? "connect timed out");
            },
            TaskScheduler.Default).PipeTo(self);
    }

    private MqttClientOptions BuildOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(settings.ClientId)
            .WithCleanSession(true)
            .WithTimeout(ConnectTimeout)
            .WithWillTopic(settings.StatusTopic)
            .WithWillPayload(Encoding.UTF8.GetBytes("offline"))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            builder = builder.WithCredentials(settings.Username, settings.Password);
        }

        if (settings.UseTls)
        {
            builder = builder.WithTlsOptions(tls => tls.UseTls());
        }

        return builder.Build();
    }

    private void OnConnected()
    {
        state = MqttConnectionState.Connected;
        connects++;
        nextDelay = settings.ReconnectMinDelay;
        log.Info("MQTT connected to {Host}:{Port} as {ClientId} (connect #{Connects})", settings.Host, settings.Port, settings.ClientId, connects);

        var attempt = generation;
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in router.Subscriptions)
        {
            builder = builder.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        client!.SubscribeAsync(builder.Build()).ContinueWith(
            t => t.IsCompletedSuccessfully
                ? new SubscribeSucceeded(attempt)
                : (object)new SubscribeFailed(attempt, t.Exception?.GetBaseException().Message ?? "subscribe cancelled"),
            TaskScheduler.Default).PipeTo(Self);
    }

    private void OnSubscribed()
    {
        log.Info("MQTT subscribed to {Filters}", string.Join(", ", router.Subscriptions));
        Send(new Publish(settings.StatusTopic, Encoding.UTF8.GetBytes("online"), Retain: true));
        var waiting = outbox.DrainAll();
        if (waiting.Count > 0)
        {
            log.Info("MQTT flushing {Count} messages kept while disconnected", waiting.Count);
        }

        foreach (var message in waiting)
        {
            Send(message);
        }
    }

    private void OnSubscribeFailed(SubscribeFailed failure)
    {
        lastError = failure.Error;
        log.Warning("MQTT subscribe failed: {Error}; reconnecting", failure.Error);
        client!.DisconnectAsync();
    }

    private void OnConnectFailed(ConnectFailed failure)
    {
        state = MqttConnectionState.Disconnected;
        lastError = failure.Error;
        log.Warning("MQTT connect to {Host}:{Port} failed: {Error}; retrying in {Delay}", settings.Host, settings.Port, failure.Error, nextDelay);
        ScheduleReconnect();
    }

    private void OnConnectionLost(ConnectionLost lost)
    {
        state = MqttConnectionState.Disconnected;
        lastError = lost.Error ?? lost.Reason;
        log.Warning("MQTT connection lost ({Reason}: {Error}); reconnecting in {Delay}", lost.Reason, lost.Error, nextDelay);
        ScheduleReconnect();
    }

    private void ScheduleReconnect()
    {
        Timers.StartSingleTimer("reconnect", Connect.Instance, nextDelay);
        var doubled = TimeSpan.FromTicks(nextDelay.Ticks * 2);
        nextDelay = doubled > settings.ReconnectMaxDelay ? settings.ReconnectMaxDelay : doubled;
    }

    private void Send(Publish message)
    {
        var self = Self;
        client!.PublishAsync(ToMqtt(message)).ContinueWith(
            t => !t.IsCompletedSuccessfully
                ? new PublishFailed(message, t.Exception?.GetBaseException().Message ?? "publish cancelled")
                : t.Result.IsSuccess
                    ? PublishSucceeded.Instance
                    : (object)new PublishFailed(message, t.Result.ReasonString ?? t.Result.ReasonCode.ToString()),
            TaskScheduler.Default).PipeTo(self);
    }

    private void OnPublishFailed(PublishFailed failure)
    {
        log.Warning("MQTT publish on {Topic} failed: {Error}; kept for the next connection", failure.Message.Topic, failure.Error);
        outbox.Requeue(failure.Message);
    }

    private MqttApplicationMessage StatusMessage(string payload) => ToMqtt(new Publish(settings.StatusTopic, Encoding.UTF8.GetBytes(payload), Retain: true));

    private static MqttApplicationMessage ToMqtt(Publish message) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(message.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(message.Retain)
            .Build();

    private BridgeStatus Status() =>
        new(state, connects, received, routed, ignored, published, outbox.Count, outbox.Dropped, lastError);

    private sealed record Connect
    {
        public static Connect Instance { get; } = new();
    }

    private sealed record ConnectSucceeded(int Generation);

    private sealed record ConnectFailed(int Generation, string Error);

    private sealed record SubscribeSucceeded(int Generation);

    private sealed record IngestStopFinished(IActorRef ReplyTo);

    private sealed record SubscribeFailed(int Generation, string Error);

    private sealed record ConnectionLost(int Generation, string Reason, string? Error);

    private sealed record PublishSucceeded
    {
        public static PublishSucceeded Instance { get; } = new();
    }

    private sealed record PublishFailed(Publish Message, string Error);
}

namespace HaIngestor.Domain.Tests.HomeAssistant;

/// <summary>Automation configs written by hand the way Home Assistant's config API returns them.</summary>
internal static class HaAutomationConfigs
{
    /// <summary>The UI editor's output since HA 2024.10: motion turns the hallway lights on, only when it is dark.</summary>
    public const string MotionLightWhenDark = """
        {
          "id": "1718030112345",
          "alias": "Hallway motion light",
          "description": "",
          "mode": "restart",
          "triggers": [
            { "trigger": "state", "entity_id": ["binary_sensor.hallway_motion_occupancy"], "from": "off", "to": "on" }
          ],
          "conditions": [
            { "condition": "numeric_state", "entity_id": "sensor.hallway_motion_illuminance", "below": 30 },
            { "condition": "state", "entity_id": "light.hallway_ceiling", "state": "off", "enabled": true }
          ],
          "actions": [
            { "action": "light.turn_on", "metadata": {}, "data": { "brightness_pct": 80 }, "target": { "entity_id": "light.hallway_ceiling" } },
            { "wait_for_trigger": [ { "trigger": "state", "entity_id": "binary_sensor.hallway_motion_occupancy", "to": "off", "for": { "minutes": 2 } } ] },
            { "action": "light.turn_off", "target": { "entity_id": "light.hallway_ceiling" } }
          ]
        }
        """;

    /// <summary>The washing machine plug's power stays below 5 W for 5 minutes after running.</summary>
    public const string WashingMachineFinished = """
        {
          "id": "washer_done",
          "alias": "Washing machine finished",
          "triggers": [
            { "trigger": "numeric_state", "entity_id": "sensor.laundry_washer_plug_power", "below": 5, "for": { "hours": 0, "minutes": 5, "seconds": 0 } }
          ],
          "conditions": [
            { "condition": "template", "value_template": "{{ states('input_boolean.washer_running') == 'on' and state_attr('sensor.laundry_washer_plug_power', 'unit_of_measurement') == 'W' }}" }
          ],
          "actions": [
            { "action": "notify.mobile_app_pixel", "data": { "message": "The washing is done" } },
            { "action": "input_boolean.turn_off", "target": { "entity_id": "input_boolean.washer_running" } }
          ]
        }
        """;

    /// <summary>Legacy syntax as pre-2024.8 automations.yaml holds it: platform, service, entity_id lists.</summary>
    public const string LegacyEveningLights = """
        {
          "id": "evening_lights",
          "alias": "Evening lights",
          "trigger": [
            { "platform": "time", "at": "19:30:00" },
            { "platform": "sun", "event": "sunset", "offset": "-00:30:00" }
          ],
          "condition": [
            { "condition": "or", "conditions": [
              { "condition": "state", "entity_id": "person.anna", "state": "home" },
              { "condition": "not", "conditions": [ { "condition": "state", "entity_id": "group.family", "state": "not_home" } ] }
            ] }
          ],
          "action": [
            { "service": "light.turn_on", "entity_id": ["light.living_room_lamp", "light.living_room_ceiling"] },
            { "service": "switch.turn_on", "data": { "entity_id": "switch.garden_lights" } },
            { "scene": "scene.evening" }
          ]
        }
        """;

    /// <summary>Nested choose/if/parallel/repeat, attributes, templates and disabled parts.</summary>
    public const string ClimateAndBlinds = """
        {
          "id": "climate_blinds",
          "alias": "Climate and blinds",
          "triggers": [
            { "trigger": "numeric_state", "entity_id": "climate.living_room", "attribute": "current_temperature", "above": 25 },
            { "trigger": "template", "value_template": "{{ states.sensor.outdoor_temperature.state | float(0) > 28 }}" },
            { "trigger": "state", "entity_id": "binary_sensor.old_window", "enabled": false }
          ],
          "conditions": [
            "{{ is_state('input_boolean.summer_mode', 'on') }}",
            { "or": [ { "condition": "state", "entity_id": "sun.sun", "attribute": "elevation", "state": "above_horizon" } ] },
            { "condition": "numeric_state", "entity_id": "sensor.disabled_check", "above": 1, "enabled": false }
          ],
          "actions": [
            { "choose": [
                { "conditions": [ { "condition": "state", "entity_id": "binary_sensor.balcony_door_contact", "state": "off" } ],
                  "sequence": [ { "action": "cover.close_cover", "target": { "entity_id": "cover.living_room_blinds", "area_id": "living_room" } } ] }
              ],
              "default": [ { "action": "notify.notify", "data": { "message": "Door open" } } ] },
            { "if": [ { "condition": "template", "value_template": "{{ state_attr('weather.home', 'temperature') > 30 }}" } ],
              "then": [ { "parallel": [
                { "action": "fan.turn_on", "target": { "device_id": "4f8b2c1e9a7d6b5c3e2f1a0b9c8d7e6f" } },
                { "sequence": [ { "delay": "00:00:05" }, { "action": "climate.set_temperature", "target": { "entity_id": "climate.living_room" }, "data": { "temperature": 22 } } ] }
              ] } ],
              "else": [ { "action": "light.turn_off", "target": { "entity_id": "light.disabled_step" }, "enabled": false } ] },
            { "repeat": { "count": 3, "until": [ { "condition": "state", "entity_id": "cover.living_room_blinds", "state": "closed" } ],
                "sequence": [ { "condition": "state", "entity_id": "input_boolean.blinds_enabled", "state": "on" } ] } },
            { "wait_template": "{{ is_state('binary_sensor.balcony_door_contact', 'off') }}" }
          ]
        }
        """;

    /// <summary>A time-triggered light on weekdays, in modern syntax.</summary>
    public const string KitchenMorning = """
        {
          "id": "kitchen_morning",
          "alias": "Kitchen light in the morning",
          "triggers": [ { "trigger": "time", "at": "06:45:00" } ],
          "conditions": [ { "condition": "time", "weekday": ["mon", "tue", "wed", "thu", "fri"] } ],
          "actions": [ { "action": "light.turn_on", "target": { "entity_id": "light.kitchen_ceiling" } } ]
        }
        """;

    /// <summary>Broken in every way a hand-edited file can be, next to parts that are fine.</summary>
    public const string Garbage = """
        {
          "alias": "Half broken",
          "triggers": [ 42, { "trigger": "state", "entity_id": "binary_sensor.porch_motion" }, { "trigger": "time", "at": "25:99" } ],
          "conditions": [ { "state": "on" }, [1, 2] ],
          "actions": [ "light.turn_on", { "action": "light.turn_on", "target": "nonsense" }, { "action": "light.turn_on", "target": { "entity_id": "Not An Entity" } },
                       { "action": "light.turn_on", "target": { "entity_id": "light.porch" } } ]
        }
        """;
}

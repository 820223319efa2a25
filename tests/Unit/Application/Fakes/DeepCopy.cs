using System.Collections;
using System.Reflection;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>
/// Copies a domain aggregate field by field (lists and domain objects deeply, immutable values shared), so the
/// in-memory database can hand out working copies that change only when saved, like rows read by an ORM.
/// </summary>
internal static class DeepCopy
{
    private static readonly MethodInfo MemberwiseCloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    public static T Of<T>(T source)
        where T : class => (T)Copy(source)!;

    private static object? Copy(object? value)
    {
        if (value is null or string || value.GetType().IsValueType)
        {
            return value;
        }

        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            foreach (var item in (IList)value)
            {
                list.Add(Copy(item));
            }

            return list;
        }

        if (type.Assembly != typeof(JobApplication).Assembly)
        {
            throw new NotSupportedException($"DeepCopy does not know how to copy a {type}.");
        }

        var copy = MemberwiseCloneMethod.Invoke(value, null)!;
        for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
        {
            foreach (var field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsValueType)
                {
                    field.SetValue(copy, Copy(field.GetValue(value)));
                }
            }
        }

        return copy;
    }
}
